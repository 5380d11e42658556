"""Importing the directory from CSV: workers, devices, application access
and changes.

Each import reads the whole file and checks every row before it writes
anything; then it writes the good rows in one transaction and names each
bad row, with its line and column, for the person to fix and import again.
A row creates its record, or updates the one with the same key (a worker's
username, a device's serial, an access's application and worker, a change's
reference), so importing the same file twice changes nothing the second
time. A column left out of a file leaves that field as it is; an empty cell
in a column that is there clears the field. Nothing is ever deleted.
"""

from credence.directory.imports.access import import_applications
from credence.directory.imports.changes import import_changes
from credence.directory.imports.common import ImportCounts
from credence.directory.imports.devices import import_devices
from credence.directory.imports.workers import import_workers

__all__ = [
    "ImportCounts",
    "import_applications",
    "import_changes",
    "import_devices",
    "import_workers",
]
