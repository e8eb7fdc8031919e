using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets.Construction;

/// <summary>How a project's contractor pays: on time, sometimes late, sometimes in part, or stops paying.</summary>
internal enum PayHabit { OnTime, Late, Partial, Defaults }

/// <summary>A demo construction project: its construction_projects row and how it behaves month by month.</summary>
internal sealed record SiteProject(
    string Id, string Name, Region Region, string Sector, string ContractorId, string ContractorName, string BuilderName,
    decimal ContractValue, decimal? SharePct, DateOnly StartOn, DateOnly PlannedEndOn, int PayDay, string? PayMonth,
    DateOnly? AccountOpenedOn, string? GuaranteeForm, decimal? GuaranteeAmount, bool? NoticeBoard, string Officer,
    PayHabit Habit, DateOnly? DefaultsFrom, DateOnly? StopsAfter)
{
    /// <summary>The pay date of a work month (metrics.md §6): pay_day of the next month (or this one), clamped to its length.</summary>
    public DateOnly DueOn(DateOnly month)
    {
        var payMonth = PayMonth == "current" ? month : month.AddMonths(1);
        return payMonth.AddDays(Math.Min(PayDay, DateTime.DaysInMonth(payMonth.Year, payMonth.Month)) - 1);
    }

    /// <summary>The work months the project reports, within the demo's payroll window.</summary>
    public IEnumerable<DateOnly> ReportedMonths(DateOnly first, DateOnly last)
    {
        var from = new DateOnly(StartOn.Year, StartOn.Month, 1);
        var to = new DateOnly(PlannedEndOn.Year, PlannedEndOn.Month, 1);
        if (StopsAfter is { } stop && stop < to) to = stop;
        for (var m = from < first ? first : from; m <= to && m <= last; m = m.AddMonths(1)) yield return m;
    }

    /// <summary>The contract's labour cost spread evenly over the planned months (metrics.md §6 labour_cost_expected).</summary>
    public decimal? MonthlyLabourCost => SharePct is { } share
        ? Formats.Round2(ContractValue * share / 100m / (12 * (PlannedEndOn.Year - StartOn.Year) + PlannedEndOn.Month - StartOn.Month + 1))
        : null;

    public IReadOnlyDictionary<string, object?> Values() => new Dictionary<string, object?>
    {
        ["project_id"] = Id, ["project_name"] = Name, ["region_code"] = Region.Code, ["sector"] = Sector,
        ["contractor_id"] = ContractorId, ["contractor_name"] = ContractorName, ["builder_name"] = BuilderName,
        ["contract_value"] = ContractValue, ["labour_cost_share_pct"] = SharePct, ["start_on"] = StartOn, ["planned_end_on"] = PlannedEndOn,
        ["pay_day"] = PayDay, ["pay_month"] = PayMonth, ["special_account_opened_on"] = AccountOpenedOn,
        ["guarantee_form"] = GuaranteeForm, ["guarantee_amount"] = GuaranteeAmount, ["notice_board"] = NoticeBoard, ["officer_name"] = Officer,
    };
}

/// <summary>One stay of a worker on a project (a site_roster row).</summary>
internal sealed record SiteStay(string ProjectId, string WorkerId, DateOnly EnteredOn, DateOnly? LeftOn, string SubcontractorId,
    DateOnly? ContractSignedOn, bool? BankCard, decimal DailyWage)
{
    public bool Overlaps(DateOnly month) => EnteredOn <= DemoCalendar.EndOfMonth(month) && (LeftOn is null || LeftOn >= month);

    /// <summary>Days of the month the worker was on site.</summary>
    public int DaysOnSite(DateOnly month)
    {
        var first = EnteredOn > month ? EnteredOn : month;
        var end = DemoCalendar.EndOfMonth(month);
        var last = LeftOn is { } left && left < end ? left : end;
        return last.DayNumber - first.DayNumber + 1;
    }

    public IReadOnlyDictionary<string, object?> Values() => new Dictionary<string, object?>
    {
        ["project_id"] = ProjectId, ["worker_id"] = WorkerId, ["entered_on"] = EnteredOn, ["left_on"] = LeftOn,
        ["subcontractor_id"] = SubcontractorId, ["occupation_code"] = null, ["contract_signed_on"] = ContractSignedOn, ["bank_card_registered"] = BankCard,
    };
}
