using System.Net.Sockets;
using IotService.Storage;
using IotService.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace IotService.Storage.Tests.Postgres;

public sealed class PostgresFailuresTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(StateDatabaseUnavailableException).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static PostgresException Server(string sqlState) => new("the server says no", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P01")] // a server stopping cuts its connections
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void ServerErrorsOfTheConnectionResourceAndShutdownClassesMeanTheDatabaseIsAway(string sqlState)
        => Assert.True(PostgresFailures.IsDatabaseAway(new OrleansException("storage failed", Server(sqlState))));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    public void ErrorsOfTheStatementOrDataDoNot(string sqlState)
        => Assert.False(PostgresFailures.IsDatabaseAway(Server(sqlState)));

    [Fact]
    public void AConnectionThatCannotBeOpenedMeansTheDatabaseIsAway()
        => Assert.True(PostgresFailures.IsDatabaseAway(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void OrleansCannotCarryTheDriversExceptionToAnotherHubButItsStandInKeepsTypeAndMessage()
    {
        var failure = new OrleansException("Error from storage provider", Server("57P01"));
        Assert.Throws<CodecNotFoundException>(() => Serializer.SerializeToArray<Exception>(failure));

        var carried = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(StateDatabaseUnavailableException.From(failure)));

        var standIn = Assert.IsType<StateDatabaseUnavailableException>(carried);
        Assert.Contains("57P01", standIn.Message, StringComparison.Ordinal);
        Assert.True(PostgresFailures.IsDatabaseAway(standIn));
    }
}
