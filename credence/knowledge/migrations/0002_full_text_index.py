"""The database's own full-text index over the search documents.

SQLite: an FTS5 table reading its text from knowledge_searchdocument
(external content), with the porter stemmer, kept in step by triggers.
PostgreSQL: a generated tsvector column weighting title (A) over summary
and headings (B) over body (D), with a GIN index. Each is created only on
its own database; other databases get neither.
"""

from django.db import migrations

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE knowledge_search_fts USING fts5(
        title, summary, body,
        content='knowledge_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER knowledge_search_inserted AFTER INSERT ON knowledge_searchdocument
    BEGIN
        INSERT INTO knowledge_search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER knowledge_search_deleted AFTER DELETE ON knowledge_searchdocument
    BEGIN
        INSERT INTO knowledge_search_fts(knowledge_search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END
    """,
    """
    CREATE TRIGGER knowledge_search_updated AFTER UPDATE ON knowledge_searchdocument
    BEGIN
        INSERT INTO knowledge_search_fts(knowledge_search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO knowledge_search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS knowledge_search_updated",
    "DROP TRIGGER IF EXISTS knowledge_search_deleted",
    "DROP TRIGGER IF EXISTS knowledge_search_inserted",
    "DROP TABLE IF EXISTS knowledge_search_fts",
]

POSTGRESQL_CREATE = [
    """
    ALTER TABLE knowledge_searchdocument ADD COLUMN document tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('english', left(coalesce(body, ''), 500000)), 'D')
    ) STORED
    """,
    """
    CREATE INDEX knowledge_search_document
    ON knowledge_searchdocument USING gin (document)
    """,
]

POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS knowledge_search_document",
    "ALTER TABLE knowledge_searchdocument DROP COLUMN IF EXISTS document",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        )
    ]
