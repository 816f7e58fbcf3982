namespace IotService.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema: applied once per database, in version order, and never edited once shipped.</summary>
/// <param name="Version">Its number in <c>schema_migrations</c>; steps apply in ascending order.</param>
/// <param name="Name">What it does, recorded beside the version for operators.</param>
/// <param name="Sql">DDL run inside the migrating transaction.</param>
public sealed record PostgresMigration(int Version, string Name, string Sql);
