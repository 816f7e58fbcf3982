using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.GrainState;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// Work-order rows in the <c>work_orders</c> table of the state database: the record as JSON beside indexed
/// copies of the fields lists filter on. Upserts ride the database's group-committing writer.
/// </summary>
public sealed class SqliteWorkOrderCatalog : IWorkOrderCatalog
{
    private readonly SqliteDatabase _database;
    private readonly AsyncOnce _schema;

    public SqliteWorkOrderCatalog(SqliteDatabase database)
    {
        _database = database;
        _schema = new AsyncOnce(() => _database.ExecuteAsync(WorkOrderCatalogSql.Schema));
    }

    public async Task UpsertAsync(WorkOrder order, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await CatalogCommands.WriteAsync(_database, WorkOrderTable.Upsert, WorkOrderTable.Parameters(order), cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkOrder?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryAsync(_database, WorkOrderTable.Get, [new("@id", id)], CatalogReads.Json<WorkOrder>, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<WorkOrder>> ListAsync(WorkOrderQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters, limit) = BuildList(query);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryAsync(_database, sql, parameters, CatalogReads.Json<WorkOrder>, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, order => order.Id);
    }

    /// <summary>The list statement of <paramref name="query"/>; internal so tests can check its query plan.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters, int Limit) BuildList(WorkOrderQuery query)
    {
        var (statement, limit) = WorkOrderTable.List(query);
        return (statement.ToString(), CatalogCommands.Bind(statement), limit);
    }
}
