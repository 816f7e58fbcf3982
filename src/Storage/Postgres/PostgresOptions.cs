using System.ComponentModel.DataAnnotations;

namespace IotService.Storage.Postgres;

/// <summary>Where grain state and the catalogs live when <c>Storage:Provider</c> is <c>postgres</c> (SPEC §3).</summary>
public sealed class PostgresOptions
{
    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>What start-up says when the connection string is missing.</summary>
    public const string MissingConnectionString =
        "Storage:Provider is postgres, so ConnectionStrings:Postgres (environment ConnectionStrings__Postgres) must be set, "
        + "for example Host=db.example;Database=iot;Username=iot;Password=…";

    /// <summary>An Npgsql connection string, from <c>ConnectionStrings:Postgres</c>.</summary>
    [Required(ErrorMessage = MissingConnectionString)]
    public string? ConnectionString { get; set; }
}
