using IotService.TestSupport.Postgres;

namespace IotService.Storage.Tests.Postgres;

/// <summary>One PostgreSQL server for every PostgreSQL test class; the classes of a collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
