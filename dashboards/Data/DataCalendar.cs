using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Data;

/// <summary>
/// The periods a page opens on when its URL names none: the newest month and quarter with registrations
/// up to today. A date after today (ingest lets event dates up to Ingest:MaxFutureDays ahead through)
/// never becomes the default, so one early row cannot open every view on an empty future period.
/// </summary>
public sealed class DataCalendar(DuckDbDataSource catalog)
{
    public DateOnly LatestMonth() => Latest("SELECT max(registered_on) FROM vacancies WHERE registered_on <= $today");

    /// <summary>The newest settlement month of the dispatch data, up to the current month.</summary>
    public DateOnly LatestDispatchMonth() => Latest("SELECT max(month) FROM dispatch_settlements WHERE month <= $today");

    /// <summary>The newest construction work month with a payroll row, up to the cut-off day's month.</summary>
    public DateOnly LatestWageMonth(DateOnly asOf) => Latest("SELECT max(month) FROM site_payroll WHERE month <= $today", asOf);

    private DateOnly Latest(string sql, DateOnly? until = null)
    {
        var today = until ?? DateOnly.FromDateTime(DateTime.Now);
        if (!catalog.Exists) return FirstOfMonth(today);
        try
        {
            using var connection = catalog.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "today";
            parameter.Value = today;
            command.Parameters.Add(parameter);
            return command.ExecuteScalar() is DateOnly latest ? FirstOfMonth(latest) : FirstOfMonth(today);
        }
        catch (System.Data.Common.DbException)
        {
            return FirstOfMonth(today);   // no views yet: nothing ingested
        }
    }

    public ReportingPeriod LatestQuarter()
    {
        var month = LatestMonth();
        return ReportingPeriod.Parse($"{month.Year}Q{(month.Month - 1) / 3 + 1}");
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
