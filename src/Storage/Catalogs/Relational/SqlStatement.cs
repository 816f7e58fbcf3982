using System.Text;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// A list statement being put together: its SQL text and named parameter values, provider-neutral, so SQLite and
/// PostgreSQL build the same filters and each binds the values with its own parameter type.
/// </summary>
internal sealed class SqlStatement(string start)
{
    public StringBuilder Text { get; } = new(start);

    public List<(string Name, object Value)> Parameters { get; } = [];

    /// <summary>
    /// Starts a newest-first keyset list from <paramref name="select"/> (which ends in a WHERE clause): ids below the
    /// cursor's, none for the first page; <c>@limit</c> is one row past the clamped page size.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by <see cref="KeysetCursor.Encode"/>.</exception>
    public static (SqlStatement Statement, int Limit) NewestFirst(string select, string? cursor, int limit)
    {
        var before = KeysetCursor.Decode(cursor);
        limit = KeysetCursor.ClampLimit(limit);
        var statement = new SqlStatement(select).With("@limit", limit + 1);
        if (before.Length > 0)
        {
            statement.Text.Append(" AND id < @before");
            statement.With("@before", before);
        }

        return (statement, limit);
    }

    public SqlStatement With(string name, object value)
    {
        Parameters.Add((name, value));
        return this;
    }

    /// <summary>Matches any of <paramref name="values"/>; nothing is added when there are none.</summary>
    public void AddIn(string column, IEnumerable<int>? values) =>
        AddIn(column, values?.Distinct().Select(value => (object)value).ToList());

    /// <summary>Matches any of <paramref name="values"/>; nothing is added when there are none.</summary>
    public void AddIn(string column, IEnumerable<string>? values) =>
        AddIn(column, values?.Distinct(StringComparer.Ordinal).Select(value => (object)value).ToList(), "_in");

    public void AddEquals(string column, string? value)
    {
        if (value is not null)
        {
            Text.Append(" AND ").Append(column).Append(" = @").Append(column);
            With($"@{column}", value);
        }
    }

    /// <summary>The parameters as <typeparamref name="TParameter"/>, made by <paramref name="create"/>.</summary>
    public List<TParameter> Bind<TParameter>(Func<string, object, TParameter> create) =>
        Parameters.ConvertAll(parameter => create(parameter.Name, parameter.Value));

    public override string ToString() => Text.ToString();

    private void AddIn(string column, List<object>? distinct, string suffix = "")
    {
        if (distinct is not { Count: > 0 })
        {
            return;
        }

        var names = distinct.Select((_, index) => $"@{column}{suffix}{index}").ToList();
        Text.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        for (var index = 0; index < distinct.Count; index++)
        {
            With(names[index], distinct[index]);
        }
    }
}
