"""The demo organisation's devices, applications and changes.

Every worker gets a laptop, and some a phone or a monitor; each uses three
to six of the company's applications, chosen mostly by team, with a role;
and the IT team made about twenty changes over the last two months. The
product names are made up. The same generator state gives the same records.
"""

import random
from datetime import date, datetime, timedelta

from credence.directory.models import (
    Application,
    ApplicationAccess,
    Change,
    Device,
    DeviceType,
)
from credence.workers.models import Worker

APPLICATIONS = {
    "Mail and calendar": "Email, calendars and meeting rooms.",
    "Chat": "Team chat and calls.",
    "VPN": "Remote access to the office network.",
    "File share": "Shared team folders.",
    "Expenses": "Expense claims and approvals.",
    "Timesheets": "Hours worked, by project.",
    "CRM": "Customers, contacts and the sales pipeline.",
    "Contracts database": "Signed contracts and their renewal dates.",
    "Reporting dashboard": "Sales and finance figures, refreshed nightly.",
    "Payroll": "Salaries, payslips and tax forms.",
    "HR portal": "Leave, reviews and personal records.",
    "Ledger": "General ledger and month-end closing.",
    "Build server": "Builds and deployments of the company's software.",
    "Wiki": "The company's internal documentation.",
    "Project tracker": "Projects, tasks and their owners.",
    "Design studio": "Drawings, mock-ups and brand assets.",
}
# Everyone reads mail and chats; the rest of a worker's applications come
# mostly from their team's list, then from anywhere.
EVERYONE = ("Mail and calendar", "Chat")
BY_TEAM = {
    "Engineering": ("Build server", "Wiki", "Project tracker", "Design studio", "VPN"),
    "Sales": ("CRM", "Contracts database", "Reporting dashboard", "Expenses"),
    "Finance": ("Ledger", "Payroll", "Expenses", "Reporting dashboard"),
    "Operations": ("Project tracker", "Timesheets", "Reporting dashboard", "Wiki"),
    "People": ("HR portal", "Payroll", "Timesheets"),
    "IT": ("Wiki", "Build server", "VPN", "File share"),
}
ROLES = ("viewer", "user", "editor", "approver", "admin")
ROLE_WEIGHTS = (2, 6, 3, 1, 1)

# A model, the operating systems it runs, and its serial numbers' prefix.
Model = tuple[str, tuple[str, ...], str]
LAPTOPS: tuple[Model, ...] = (
    ("Aurora 14 G3", ("Windows 11 23H2", "Windows 11 24H2"), "AU"),
    ("Aurora 16 G3", ("Windows 11 23H2", "Windows 11 24H2"), "AU"),
    ("Meridian Air 13", ("macOS 14.6", "macOS 15.1"), "ME"),
    ("Meridian Pro 15", ("macOS 14.6", "macOS 15.1"), "ME"),
    ("Stratus X1", ("Ubuntu 22.04", "Ubuntu 24.04"), "ST"),
)
PHONES: tuple[Model, ...] = (
    ("Pocket 8", ("Android 14", "Android 15"), "PK"),
    ("Pocket 9 Pro", ("Android 15",), "PK"),
    ("Orbit S", ("OrbitOS 17", "OrbitOS 18"), "OR"),
)
MONITORS: tuple[Model, ...] = (
    ("ViewLine 24", ("",), "VL"),
    ("ViewLine 27Q", ("",), "VL"),
)
# Each model's systems, oldest first.
SYSTEMS = {model: systems for model, systems, _ in (*LAPTOPS, *PHONES, *MONITORS)}
PHONE_SHARE = 0.4
MONITOR_SHARE = 0.3

CHANGE_COUNT = 20
CHANGE_DAYS = 60
APPLICATION_CHANGES = (
    "{app} upgraded to version {version}",
    "{app} certificate renewed",
    "{app} sign-in moved to single sign-on",
    "{app} moved to a new server",
    "{app} password policy tightened",
)
DEVICE_CHANGES = (
    "Operating system updated to {os}",
    "Disk encryption key rotated",
    "Firmware updated",
    "Battery replaced",
)


def add_to_demo(
    rng: random.Random, people: dict[str, Worker], today: date, now: datetime
) -> None:
    applications = {
        name: Application.objects.create(name=name, description=description)
        for name, description in APPLICATIONS.items()
    }
    devices = _devices(rng, list(people.values()), today)
    Device.objects.bulk_create(devices)
    ApplicationAccess.objects.bulk_create(
        access
        for worker in people.values()
        for access in _accesses(rng, worker, applications)
    )
    _changes(rng, applications, now)


def _devices(rng: random.Random, workers: list[Worker], today: date) -> list[Device]:
    serials: set[str] = set()
    devices = []
    for worker in workers:
        kinds = [(DeviceType.LAPTOP, LAPTOPS)]
        if rng.random() < PHONE_SHARE:
            kinds.append((DeviceType.PHONE, PHONES))
        if rng.random() < MONITOR_SHARE:
            kinds.append((DeviceType.MONITOR, MONITORS))
        for kind, models in kinds:
            model, systems, prefix = rng.choice(models)
            devices.append(
                Device(
                    type=kind,
                    model=model,
                    serial=_serial(rng, prefix, serials),
                    operating_system=rng.choice(systems),
                    worker=worker,
                    assigned_since=_since(rng, worker, today),
                )
            )
    return devices


def _serial(rng: random.Random, prefix: str, taken: set[str]) -> str:
    while True:
        serial = f"{prefix}{rng.randrange(10**7):07d}"
        if serial not in taken:
            taken.add(serial)
            return serial


def _since(rng: random.Random, worker: Worker, today: date) -> date:
    """A day since the worker started, within the three years a device lasts."""
    earliest = max(worker.start_date or today, today - timedelta(days=3 * 365))
    return earliest + timedelta(days=rng.randint(0, (today - earliest).days))


def _accesses(
    rng: random.Random, worker: Worker, applications: dict[str, Application]
) -> list[ApplicationAccess]:
    team = worker.team.name if worker.team else ""
    mine = list(EVERYONE)
    wanted = rng.randint(3, 6)
    for pool in (BY_TEAM.get(team, ()), tuple(APPLICATIONS)):
        choices = [name for name in pool if name not in mine]
        rng.shuffle(choices)
        mine += choices[: max(0, wanted - len(mine))]
    return [
        ApplicationAccess(
            worker=worker,
            application=applications[name],
            role="user" if name in EVERYONE else rng.choices(ROLES, ROLE_WEIGHTS)[0],
        )
        for name in mine
    ]


def _changes(
    rng: random.Random,
    applications: dict[str, Application],
    now: datetime,
) -> None:
    """About twenty changes over the last sixty days, numbered in time order.

    The first is a renewal everyone notices, within the last fortnight, so
    that every requester has a recent change on the desk.
    """
    candidates = list(Device.objects.exclude(type=DeviceType.MONITOR))
    planned: list[Change] = [
        Change(
            summary="Mail and calendar certificate renewed",
            application=applications["Mail and calendar"],
            happened_at=_instant(rng, now, 14),
        )
    ]
    for index in range(1, CHANGE_COUNT):
        if index % 3 == 0 and candidates:
            planned.append(_device_change(rng, rng.choice(candidates), now))
        else:
            planned.append(_application_change(rng, applications, now))
    planned.sort(key=lambda change: change.happened_at)
    for number, change in enumerate(planned, start=1001):
        change.reference = f"CHG-{number}"
    Change.objects.bulk_create(planned)


def _application_change(
    rng: random.Random, applications: dict[str, Application], now: datetime
) -> Change:
    name = rng.choice(list(applications))
    version = f"{rng.randint(2, 12)}.{rng.randint(0, 9)}"
    summary = rng.choice(APPLICATION_CHANGES).format(app=name, version=version)
    return Change(
        summary=summary,
        application=applications[name],
        happened_at=_instant(rng, now, CHANGE_DAYS),
    )


def _device_change(rng: random.Random, device: Device, now: datetime) -> Change:
    """A change to one device; an update brings it to its model's newest
    system, so the device shows the version the change installed."""
    template = rng.choice(DEVICE_CHANGES)
    newest = SYSTEMS.get(device.model, ("",))[-1]
    if "{os}" in template and newest and device.operating_system != newest:
        device.operating_system = newest
        device.save(update_fields=["operating_system"])
    elif "{os}" in template:
        template = "Firmware updated"
    summary = template.format(os=newest)
    return Change(
        summary=f"{summary} on {device.get_type_display().lower()} {device.serial}",
        device=device,
        happened_at=_instant(rng, now, CHANGE_DAYS),
    )


def _instant(rng: random.Random, now: datetime, days: int) -> datetime:
    """A minute within the last `days` days, before `now`."""
    minutes = rng.randint(1, days * 24 * 60 - 1)
    return (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
