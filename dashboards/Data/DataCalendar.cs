using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Data;

/// <summary>The periods a page opens on when its URL names none: the newest month and quarter with registrations.</summary>
public sealed class DataCalendar(CatalogConnections catalog)
{
    public DateOnly LatestMonth() => Latest("SELECT max(registered_on) FROM vacancies");

    /// <summary>The newest settlement month of the dispatch data.</summary>
    public DateOnly LatestDispatchMonth() => Latest("SELECT max(month) FROM dispatch_settlements");

    private DateOnly Latest(string sql)
    {
        if (!catalog.Exists) return FirstOfMonth(DateOnly.FromDateTime(DateTime.Today));
        try
        {
            using var connection = catalog.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar() is DateOnly latest ? FirstOfMonth(latest) : FirstOfMonth(DateOnly.FromDateTime(DateTime.Today));
        }
        catch (System.Data.Common.DbException)
        {
            return FirstOfMonth(DateOnly.FromDateTime(DateTime.Today));   // no views yet: nothing ingested
        }
    }

    public ReportingPeriod LatestQuarter()
    {
        var month = LatestMonth();
        return ReportingPeriod.Parse($"{month.Year}Q{(month.Month - 1) / 3 + 1}");
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
