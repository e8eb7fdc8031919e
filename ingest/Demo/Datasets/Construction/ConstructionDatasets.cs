using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Schema;
using SchemaDatasets = Analytics.Ingest.Schema.Datasets;

namespace Analytics.Ingest.Demo.Datasets.Construction;

/// <summary>
/// The five construction wage-payment datasets (datasets.md), for work months 2025-10 … 2026-09 as
/// exported on 2026-10-10: the project list as XLSX; the real-name rosters as one GBK bureau export
/// per province (Chinese headers and labels); attendance per month as plain CSV; the wage payment
/// tables per work month as Excel CSV, plus a back-pay file whose rows replace earlier part-payments
/// with the cumulative amount; the special accounts' statements as JSON Lines. Payments after the
/// export day are not known yet (unpaid). Planted bad rows: the first payroll row of 2026-03 pays
/// 100.00 more than it owes; the first attendance row of 2026-04 has 31 days in April; the first
/// roster stay of 320000 leaves before it enters; the statement's first flow has amount 0. GC-002's
/// table for 2026-05 pays a day labourer who is on no roster.
/// </summary>
internal static class ConstructionDatasets
{
    public static readonly DateOnly FirstMonth = new(2025, 10, 1);
    private static readonly DateOnly BadPayrollMonth = new(2026, 3, 1), BadAttendanceMonth = new(2026, 4, 1), PaidNotOnRosterMonth = new(2026, 5, 1);

    private static readonly Column[] ProjectColumns = Schemas.Of(SchemaDatasets.Wage.Projects);
    private static readonly Column[] RosterColumns = Schemas.Of(SchemaDatasets.Wage.Roster);
    private static readonly Column[] AttendanceColumns = Schemas.Of(SchemaDatasets.Wage.Attendance);
    private static readonly Column[] PayrollColumns = Schemas.Of(SchemaDatasets.Wage.Payroll);
    private static readonly Column[] FlowColumns = Schemas.Of(SchemaDatasets.Wage.AccountFlows);

    private sealed record Payment(SiteProject Project, DateOnly Month, string SubcontractorId, string WorkerId, decimal Due, decimal Paid,
        DateOnly? PaidOn, string? Via, bool Signed);

    public static void Write(DemoOutput output)
    {
        var projects = SiteProjects.Create();
        output.BeginDataset("construction_projects", projects.Count);
        using (var file = new XlsxRowWriter(output, "construction_projects", "construction_projects.xlsx", "在建工程项目", ProjectColumns))
            foreach (var p in projects) file.Write(Row(ProjectColumns, p.Values()));

        var stays = Stays(projects);
        WriteRoster(output, projects, stays);
        var attendance = WriteAttendance(output, projects, stays);
        var payments = WritePayroll(output, projects, attendance);
        WriteFlows(output, projects, payments);
    }

    private static object?[] Row(Column[] columns, IReadOnlyDictionary<string, object?> values) => columns.Select(c => values[c.Name]).ToArray();

    private static IEnumerable<DateOnly> Months(SiteProject p) => p.ReportedMonths(FirstMonth, DemoCalendar.LastMonth);

    /// <summary>6–14 workers a project, in one to three employing units; a quarter leave early, a few come back.</summary>
    private static Dictionary<string, List<SiteStay>> Stays(IReadOnlyList<SiteProject> projects)
    {
        var random = DemoRandom.For("site_roster");
        var ids = new ResidentIdIssuer();
        var stays = new Dictionary<string, List<SiteStay>>();
        foreach (var p in projects)
        {
            var list = stays[p.Id] = [];
            var units = random.Between(1, 3);
            var lastDay = p.StopsAfter is { } stop ? DemoCalendar.EndOfMonth(stop) : DemoCalendar.LastDay;
            if (p.PlannedEndOn < lastDay) lastDay = p.PlannedEndOn;
            var firstDay = p.StartOn > FirstMonth ? p.StartOn : FirstMonth.AddDays(-random.Next(60));
            if (firstDay > lastDay) continue;
            for (var w = random.Between(6, 14); w > 0; w--)
            {
                var (id, _) = ids.Issue(p.Region.Code, random.Between(1966, 2002), random.Chance(0.85));
                var unit = random.Next(units);
                var subcontractor = unit == 0 ? p.ContractorId : $"{p.ContractorId}-S{unit}";
                var entered = firstDay.AddDays(random.Next(Math.Max(1, Math.Min(90, lastDay.DayNumber - firstDay.DayNumber))));
                // a stopped project's platform closed its roster when it stopped
                DateOnly? left = random.Chance(0.25) ? entered.AddDays(random.Between(20, 200)) : p.StopsAfter is null ? null : lastDay;
                if (left > lastDay) left = p.StopsAfter is null ? null : lastDay;
                var contract = random.NextDouble() switch { < 0.88 => (DateOnly?)entered, < 0.94 => entered.AddDays(random.Between(5, 40)), _ => null };
                var card = random.NextDouble() switch { < 0.93 => (bool?)true, < 0.97 => false, _ => null };
                var daily = Formats.RoundTo(random.Between(260.0, 420.0), 10);
                list.Add(new SiteStay(p.Id, id, entered, left, subcontractor, contract, card, daily));
                if (left is { } l && random.Chance(0.2) && l.AddDays(30) < lastDay)
                    list.Add(new SiteStay(p.Id, id, l.AddDays(random.Between(15, 30)), p.StopsAfter is null ? null : lastDay, subcontractor, l.AddDays(30), card, daily));
            }
        }
        return stays;
    }

    private static void WriteRoster(DemoOutput output, IReadOnlyList<SiteProject> projects, Dictionary<string, List<SiteStay>> stays)
    {
        output.BeginDataset("site_roster", stays.Values.Sum(s => s.Count));
        foreach (var province in projects.GroupBy(p => p.Region.ProvinceCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            using var file = new CsvRowWriter(output, "site_roster", $"roster_{province.Key}_gbk.csv", RosterColumns, TextDialect.BureauGbk);
            var first = true;
            foreach (var stay in province.SelectMany(p => stays[p.Id]))
            {
                var row = Row(RosterColumns, stay.Values());
                if (first && province.Key == "320000") row[Array.FindIndex(RosterColumns, c => c.Name == "left_on")] = stay.EnteredOn.AddDays(-1);
                first = false;
                file.Write(row);
            }
        }
    }

    /// <summary>Per month, each worker on site: days worked in proportion to the days on site; now and then a month off (0 days).</summary>
    private static List<(SiteProject Project, DateOnly Month, SiteStay Stay, int Days)> WriteAttendance(DemoOutput output,
        IReadOnlyList<SiteProject> projects, Dictionary<string, List<SiteStay>> stays)
    {
        var random = DemoRandom.For("site_attendance");
        var rows = new List<(SiteProject, DateOnly, SiteStay, int)>();
        output.BeginDataset("site_attendance", projects.Sum(p => (long)stays[p.Id].Count * Months(p).Count()));
        for (var month = FirstMonth; month <= DemoCalendar.LastMonth; month = month.AddMonths(1))
        {
            using var file = new CsvRowWriter(output, "site_attendance", $"attendance_{Formats.Month(month)}.csv", AttendanceColumns, TextDialect.Plain);
            var first = true;
            foreach (var p in projects.Where(p => Months(p).Contains(month)))
            {
                // a worker with two stays in the month has one attendance row
                foreach (var stay in stays[p.Id].Where(s => s.Overlaps(month) && s.EnteredOn <= DemoCalendar.LastDay).DistinctBy(s => s.WorkerId))
                {
                    var onSite = stay.DaysOnSite(month);
                    var days = random.Chance(0.02) ? 0 : Math.Max(1, (int)Math.Round(onSite * random.Between(0.72, 0.9)));
                    rows.Add((p, month, stay, days));
                    var shown = first && month == BadAttendanceMonth ? 31 : days;
                    first = false;
                    file.Write(Formats.Month(month), p.Id, stay.WorkerId, shown, null);
                }
            }
        }
        return rows;
    }

    /// <summary>
    /// One payroll row per worker who worked, owed days × daily wage; paid as the project's habit has
    /// it. A part-payment is later made good in the back-pay file (a replacing row, cumulative).
    /// </summary>
    private static List<Payment> WritePayroll(DemoOutput output, IReadOnlyList<SiteProject> projects,
        List<(SiteProject Project, DateOnly Month, SiteStay Stay, int Days)> attendance)
    {
        var random = DemoRandom.For("site_payroll");
        var payments = new List<Payment>();
        var backPay = new List<Payment>();
        output.BeginDataset("site_payroll", attendance.Count);
        foreach (var month in attendance.Select(a => a.Month).Distinct().Order())
        {
            using var file = new CsvRowWriter(output, "site_payroll", $"payroll_{Formats.Month(month)}.csv", PayrollColumns, TextDialect.ExcelUtf8);
            var first = true;
            foreach (var (p, _, stay, days) in attendance.Where(a => a.Month == month && a.Days > 0))
            {
                if (random.Chance(0.01)) continue;                                    // left off the table: attended, not paid
                var due = Formats.Round2(days * stay.DailyWage);
                var payment = Pay(p, month, stay, due, random);
                if (payment.Paid < due && payment.Paid > 0 && payment.PaidOn is { } on)
                {
                    var made = on.AddDays(random.Between(15, 60));
                    if (made <= DemoCalendar.ExportedOn) backPay.Add(payment with { Paid = due, PaidOn = made });
                }
                payments.Add(payment);
                var row = PayrollRow(payment);
                if (first && month == BadPayrollMonth) row[Array.FindIndex(PayrollColumns, c => c.Name == "wage_paid")] = due + 100.00m;
                first = false;
                file.Write(row);
            }
            // a day labourer paid through GC-002's table without being put on its roster (paid_not_on_roster)
            if (month == PaidNotOnRosterMonth && projects[1] is { } casual && Months(casual).Contains(month))
            {
                var payment = new Payment(casual, month, casual.ContractorId, "LS-0001", 1_800.00m, 1_800.00m, casual.DueOn(month), "cash", false);
                payments.Add(payment);
                file.Write(PayrollRow(payment));
            }
        }
        output.BeginDataset("site_payroll", backPay.Count);
        using (var file = new CsvRowWriter(output, "site_payroll", "payroll_backpay.csv", PayrollColumns, TextDialect.ExcelUtf8))
            foreach (var payment in backPay) file.Write(PayrollRow(payment));
        // the back pay replaces the part-payment: the flows follow what was finally paid
        var replaced = backPay.ToDictionary(b => (b.Project.Id, b.Month, b.SubcontractorId, b.WorkerId));
        return payments.Select(p => replaced.GetValueOrDefault((p.Project.Id, p.Month, p.SubcontractorId, p.WorkerId), p)).ToList();
    }

    private static Payment Pay(SiteProject p, DateOnly month, SiteStay stay, decimal due, DemoRandom random)
    {
        var dueOn = p.DueOn(month);
        var via = p.AccountOpenedOn is null ? random.Pick(new[] { "other", "cash" })
            : random.NextDouble() switch { < 0.93 => "special_account", < 0.97 => "other", _ => "cash" };
        var signed = random.Chance(0.96);
        var (paid, paidOn) = p.Habit switch
        {
            PayHabit.Defaults when month >= p.DefaultsFrom => (0m, (DateOnly?)null),
            PayHabit.Late when random.Chance(0.4) => (due, dueOn.AddDays(random.Between(1, 20))),
            PayHabit.Partial when random.Chance(0.3) => (Formats.Round2(due * (decimal)random.Between(0.5, 0.9)), dueOn),
            _ => (due, (DateOnly?)dueOn.AddDays(-random.Next(4))),
        };
        if (paidOn > DemoCalendar.ExportedOn) (paid, paidOn) = (0m, null);   // not paid yet when the tables were exported
        return new Payment(p, month, stay.SubcontractorId, stay.WorkerId, due, paid, paidOn, paid > 0 ? via : null, signed);
    }

    private static object?[] PayrollRow(Payment x) => Row(PayrollColumns, new Dictionary<string, object?>
    {
        ["month"] = Formats.Month(x.Month), ["project_id"] = x.Project.Id, ["subcontractor_id"] = x.SubcontractorId, ["worker_id"] = x.WorkerId,
        ["wage_due"] = x.Due, ["wage_paid"] = x.Paid, ["paid_on"] = x.PaidOn, ["paid_via"] = x.Via, ["signed_by_worker"] = x.Signed,
    });

    /// <summary>
    /// The special accounts' statements: the builder's monthly labour-cost transfer (short or missing
    /// now and then, and none once a defaulting project's builder stops), the contractor's occasional
    /// advance, and each pay run out to the workers.
    /// </summary>
    private static void WriteFlows(DemoOutput output, IReadOnlyList<SiteProject> projects, List<Payment> payments)
    {
        var random = DemoRandom.For("account_flows");
        output.BeginDataset("account_flows", projects.Count * 24L);
        using var file = new JsonLinesRowWriter(output, "account_flows", "account_flows.jsonl", FlowColumns);
        var planted = false;
        foreach (var p in projects.Where(p => p.AccountOpenedOn is not null))
        {
            var n = 0;
            void Flow(DateOnly on, string direction, decimal amount, string counterparty)
            {
                if (on > DemoCalendar.ExportedOn) return;
                n++;
                file.Write(Row(FlowColumns, new Dictionary<string, object?>
                {
                    ["flow_id"] = $"{p.Id}-{on:yyyyMMdd}-{n:D3}", ["project_id"] = p.Id, ["flow_on"] = on, ["direction"] = direction,
                    ["amount"] = planted ? amount : 0m, ["counterparty"] = counterparty,
                }));
                planted = true;
            }
            foreach (var month in Months(p))
            {
                var expected = p.MonthlyLabourCost ?? Formats.RoundTo(random.Between(60_000.0, 250_000.0), 100);
                var stopped = p.Habit == PayHabit.Defaults && month >= p.DefaultsFrom;
                if (!stopped && !random.Chance(0.08))
                    Flow(month.AddDays(random.Between(3, 20)), "in", Formats.Round2(expected * (decimal)random.Between(0.7, 1.2)), "builder");
                if (random.Chance(0.1)) Flow(month.AddDays(random.Between(10, 25)), "in", Formats.RoundTo(random.Between(10_000.0, 50_000.0), 100), "contractor");
                var run = payments.Where(x => x.Project == p && x.Month == month && x.Via == "special_account" && x.PaidOn is not null).ToList();
                foreach (var day in run.GroupBy(x => x.PaidOn!.Value).OrderBy(g => g.Key))
                    Flow(day.Key, "out", day.Sum(x => x.Paid), "worker");
            }
        }
    }
}
