using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets.Dispatch;

/// <summary>
/// The four dispatch datasets: the project list as an agency's XLSX, monthly settlement files per
/// agency, yearly cost files (with a free-text note column ingest does not know), and the invoice
/// register. Bad rows: the first settlement of A002 for 2026-03 has net_pay 100.00 too high; the
/// tenth cost row of 2026 has the unknown category "meals"; the A001-P001 invoice for 2025-06 records
/// 1,000.00 more received than invoiced. From 2026-07 the longest-serving worker of A003-P001 has no contract
/// dates (no_contract) and that of A002-P002 no employer injury insurance (si_missing).
/// </summary>
internal static class DispatchDatasets
{
    private static readonly DateOnly BadSettlementMonth = new(2026, 3, 1);
    private static readonly DateOnly BadInvoiceMonth = new(2025, 6, 1);
    private const int BadCostRowOf2026 = 10;

    // Compliance cases (compliance-and-statistics.md A.3), from 2026-07 on, on a project's longest-serving worker:
    // on A003-P001 a worker without a labour contract (漏签), on A002-P002 one whose injury insurance is not paid.
    private static readonly DateOnly PlantedFrom = new(2026, 7, 1);
    private const string UncontractedProject = "A003-P001", UninsuredProject = "A002-P002";

    private sealed record Billing(DispatchProject Project, DateOnly Month, decimal Amount);

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var projects = DispatchProjects.Create(scale);
        output.BeginDataset("dispatch_projects", projects.Count);
        using (var file = new XlsxRowWriter(output, "dispatch_projects", "dispatch_projects.xlsx", "派遣项目", Schemas.DispatchProjects))
            foreach (var p in projects) file.Write(p.Row());

        var billings = WriteSettlementsAndCosts(output, projects);
        WriteInvoices(output, billings);
    }

    private static List<Billing> WriteSettlementsAndCosts(DemoOutput output, IReadOnlyList<DispatchProject> projects)
    {
        var random = DemoRandom.For("dispatch_settlements");
        var costRandom = DemoRandom.For("dispatch_costs");
        var ids = new ResidentIdIssuer();
        var rosters = projects.ToDictionary(p => p.Id, p => new Roster(p, ids, random));
        var billings = new List<Billing>();
        var costs = new List<object?[]>();

        output.BeginDataset("dispatch_settlements",
            projects.Sum(p => (long)p.TargetHeadcount * DemoCalendar.AllMonths.Count(p.ActiveIn)));
        foreach (var month in DemoCalendar.AllMonths)
        {
            foreach (var agency in DispatchProjects.Agencies)
            {
                var active = projects.Where(p => p.Agency == agency && p.ActiveIn(month)).ToList();
                if (active.Count == 0) continue;
                var dialect = agency.Id == "A002" ? TextDialect.ExcelUtf8 : TextDialect.Plain;
                using var file = new CsvRowWriter(output, "dispatch_settlements", $"{agency.Id}_{Formats.Month(month)}.csv",
                    Schemas.DispatchSettlements, dialect);
                bool first = true;
                foreach (var project in active)
                {
                    int joins = rosters[project.Id].Advance(month);
                    decimal billed = 0m;
                    foreach (var worker in rosters[project.Id].Workers)
                    {
                        var gross = Formats.ToMoney(worker.BaseWage * random.Between(0.97, 1.12)); // overtime varies
                        var slip = Payslip.For(project, gross);
                        var longest = worker == rosters[project.Id].Workers[0];
                        // planted after the draws, so every other figure stays as it was
                        if (longest && project.Id == UninsuredProject && month >= PlantedFrom)
                            slip = slip with { EmployerInjury = 0m, BilledTotal = slip.BilledTotal - slip.EmployerInjury };
                        billed += slip.BilledTotal;
                        var row = slip.Row(month, project.Id, worker.Id, worker.ContractStart, worker.ContractEnd);
                        if (longest && project.Id == UncontractedProject && month >= PlantedFrom) (row[3], row[4]) = (null, null);
                        if (first && agency.Id == "A002" && month == BadSettlementMonth) row[18] = slip.NetPay + 100.00m;
                        first = false;
                        file.Write(row);
                    }
                    billings.Add(new Billing(project, month, billed));
                    costs.AddRange(Costs(project, month, joins, costRandom));
                }
            }
        }
        WriteCosts(output, costs);
        return billings;
    }

    /// <summary>
    /// A project's other costs in a month: management staff every month, recruitment for each new
    /// worker, occasional training and injury claims, and now and then a refund (a negative amount).
    /// </summary>
    private static IEnumerable<object?[]> Costs(DispatchProject project, DateOnly month, int joins, DemoRandom random)
    {
        var items = new List<(string Category, double Amount, string Note)>
        {
            ("management", project.ManagementCostPerHead * project.TargetHeadcount, "驻场管理人员工资"),
        };
        if (joins > 0) items.Add(("recruitment", joins * random.Between(200, 500), $"招聘{joins}人, 含渠道费"));
        if (random.Chance(0.15)) items.Add(("training", random.Between(500, 3000), "岗前培训"));
        if (random.Chance(0.03)) items.Add(("claims", random.Between(2000, 20000), "工伤理赔(先行垫付)"));
        if (random.Chance(0.06)) items.Add(("other", -random.Between(200, 1500), "退回\"春风行动\"招聘会展位费, 冲减当月成本"));
        if (random.Chance(0.05)) items.Add(("other", random.Between(100, 800), "体检费"));
        int n = 0;
        foreach (var (category, amount, note) in items)
            yield return [Formats.Month(month), project.Id, category, Formats.ToMoney(amount), $"{project.Id}-{Formats.Month(month)}-{++n}", note];
    }

    /// <summary>Costs are kept per year; they are few (a handful per project and month), so they are collected first.</summary>
    private static void WriteCosts(DemoOutput output, List<object?[]> costs)
    {
        output.BeginDataset("dispatch_costs", costs.Count);
        foreach (var year in costs.GroupBy(c => ((string)c[0]!)[..4]))
        {
            using var file = new CsvRowWriter(output, "dispatch_costs", $"dispatch_costs_{year.Key}.csv", Schemas.DispatchCosts, TextDialect.Plain);
            int index = 0;
            foreach (var row in year)
            {
                if (year.Key == "2026" && ++index == BadCostRowOf2026) row[2] = "meals";
                file.Write(row);
            }
        }
    }

    /// <summary>
    /// One invoice per project and month, issued on the 3rd–8th of the next month, due 30 days later.
    /// 70 % are paid on time, 15 % late, 7 % partly, 8 % not at all; a slow payer stops paying from
    /// 2025-12. Receipts after the export day (2026-10-10) are not known yet.
    /// </summary>
    private static void WriteInvoices(DemoOutput output, List<Billing> billings)
    {
        var random = DemoRandom.For("dispatch_invoices");
        output.BeginDataset("dispatch_invoices", billings.Count);
        using var file = new CsvRowWriter(output, "dispatch_invoices", "dispatch_invoices.csv", Schemas.DispatchInvoices, TextDialect.Plain);
        foreach (var b in billings.Where(b => b.Amount > 0).OrderBy(b => b.Project.Id, StringComparer.Ordinal).ThenBy(b => b.Month))
        {
            var invoiced = b.Month.AddMonths(1).AddDays(random.Between(2, 7));
            var due = invoiced.AddDays(30);
            DateOnly? received;
            decimal? receivedAmount = b.Amount;
            double x = random.NextDouble();
            if (b.Project.SlowPayer && b.Month >= new DateOnly(2025, 12, 1) || x >= 0.92) (received, receivedAmount) = (null, null);
            else if (x < 0.70) received = due.AddDays(-random.Next(11));
            else if (x < 0.85) received = due.AddDays(random.Between(10, 60));
            else (received, receivedAmount) = (due.AddDays(random.Next(20)), Formats.ToMoney((double)b.Amount * random.Between(0.5, 0.9)));
            if (received > DemoCalendar.ExportedOn) (received, receivedAmount) = (null, null);
            if (b.Project.Id == "A001-P001" && b.Month == BadInvoiceMonth) receivedAmount = b.Amount + 1000.00m;

            file.Write($"INV{b.Project.Id.Replace("-", "")}{Formats.Month(b.Month).Replace("-", "")}", b.Project.Id, Formats.Month(b.Month), invoiced,
                b.Amount, due, received, receivedAmount);
        }
    }
}
