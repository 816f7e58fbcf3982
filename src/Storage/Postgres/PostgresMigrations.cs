namespace IotService.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema of grain state and the catalogs, as ordered steps (<see cref="PostgresMigrator"/> applies the
/// missing ones at start). A shipped step is never edited: a change is a new step with the next version.
/// </summary>
/// <remarks>
/// The tables mirror the SQLite ones column for column (times in unix milliseconds, enums as integers), so both
/// providers share their statements. Keys and the text columns lists filter, sort or search on are
/// <c>COLLATE "C"</c>: ids then sort by code point as in SQLite and in the cursors, and ILIKE folds ASCII letters only,
/// as SQLite's LIKE does, whatever locale the database was created with.
/// </remarks>
public static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "grain state", """
            CREATE TABLE grain_state (
                grain_type text COLLATE "C" NOT NULL,
                grain_id text COLLATE "C" NOT NULL,
                payload bytea NOT NULL,
                etag text NOT NULL,
                updated_at bigint NOT NULL,
                PRIMARY KEY (grain_type, grain_id));
            """),
        new(2, "document catalog (models, customers, technicians, accounts)", """
            CREATE TABLE documents (
                kind text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                json text NOT NULL,
                updated_at bigint NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE INDEX ix_documents_updated ON documents (kind, updated_at);
            """),

        // Filtered indexes end in id, so a filtered list walks one already in id order and LIMIT stops early.
        new(3, "device catalog", """
            CREATE TABLE devices (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                name text COLLATE "C" NULL,
                model_id text COLLATE "C" NOT NULL,
                customer_id text COLLATE "C" NULL,
                status integer NOT NULL,
                severity integer NOT NULL,
                lat double precision NULL,
                lon double precision NULL,
                last_seen bigint NULL,
                registered_at bigint NOT NULL,
                values_json text NOT NULL,
                secret_hash text NOT NULL,
                activation_code text COLLATE "C" NOT NULL,
                updated_at bigint NOT NULL,
                due_at bigint NULL);
            CREATE INDEX ix_devices_model ON devices (model_id, id);
            CREATE INDEX ix_devices_customer ON devices (customer_id, id);
            CREATE INDEX ix_devices_status ON devices (status, id);
            CREATE INDEX ix_devices_updated ON devices (updated_at);
            CREATE INDEX ix_devices_silent ON devices (status, last_seen);
            CREATE UNIQUE INDEX ux_devices_activation ON devices (activation_code) WHERE activation_code <> '';
            CREATE INDEX ix_devices_due ON devices (due_at) WHERE due_at IS NOT NULL;
            CREATE INDEX ix_devices_worst ON devices (severity, id);
            CREATE INDEX ix_devices_customer_worst ON devices (customer_id, severity, id);
            """),
        new(4, "alarm catalog", """
            CREATE TABLE alarms (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                device_id text COLLATE "C" NOT NULL,
                customer_id text COLLATE "C" NULL,
                model_id text COLLATE "C" NOT NULL,
                rule_id text COLLATE "C" NOT NULL,
                state integer NOT NULL,
                severity integer NOT NULL,
                raised_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                json text NOT NULL);
            CREATE INDEX ix_alarms_state ON alarms (state, id);
            CREATE INDEX ix_alarms_severity ON alarms (severity, id);
            CREATE INDEX ix_alarms_device ON alarms (device_id, id);
            CREATE INDEX ix_alarms_customer ON alarms (customer_id, id);
            """),
        new(5, "work-order catalog", """
            CREATE TABLE work_orders (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                state integer NOT NULL,
                device_id text COLLATE "C" NOT NULL,
                customer_id text COLLATE "C" NULL,
                technician_id text COLLATE "C" NULL,
                alarm_id text COLLATE "C" NULL,
                priority integer NOT NULL,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                json text NOT NULL);
            CREATE INDEX ix_work_orders_state ON work_orders (state, id);
            CREATE INDEX ix_work_orders_technician ON work_orders (technician_id, id);
            CREATE INDEX ix_work_orders_device ON work_orders (device_id, id);
            CREATE INDEX ix_work_orders_customer ON work_orders (customer_id, id);
            CREATE INDEX ix_work_orders_alarm ON work_orders (alarm_id, id);
            """),
    ];
}
