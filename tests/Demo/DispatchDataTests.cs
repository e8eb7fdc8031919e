using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

[Collection(SmallDemoInboxCollection.Name)]
public class DispatchDataTests(SmallDemoInbox fixture)
{
    private readonly DemoInbox _inbox = fixture.Inbox;

    private static decimal M(Dictionary<string, string> row, string column) =>
        row[column] == "" ? 0m : decimal.Parse(row[column], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [Fact]
    public void Settlements_reconcile_exactly_except_the_one_deliberately_wrong_net_pay()
    {
        var misfits = new List<(string File, string Worker, decimal NetPayError)>();
        int rows = 0;
        foreach (var file in _inbox.Files("dispatch_settlements"))
        foreach (var r in DemoInbox.ReadCsv(file))
        {
            rows++;
            decimal net = M(r, "gross_wage") - M(r, "personal_pension") - M(r, "personal_medical") - M(r, "personal_unemployment")
                - M(r, "personal_housing_fund") - M(r, "income_tax");
            decimal billed = M(r, "gross_wage") + M(r, "employer_pension") + M(r, "employer_medical") + M(r, "employer_unemployment")
                + M(r, "employer_injury") + M(r, "employer_maternity") + M(r, "employer_housing_fund")
                + M(r, "commercial_insurance") + M(r, "disability_fund") + M(r, "service_fee");
            M(r, "billed_total").ShouldBe(billed, $"{Path.GetFileName(file)} {r["worker_id"]}");
            if (M(r, "net_pay") != net) misfits.Add((Path.GetFileName(file), r["worker_id"], M(r, "net_pay") - net));
        }
        rows.ShouldBeGreaterThan(1000);
        misfits.Count.ShouldBe(1);
        misfits[0].File.ShouldBe("A002_2026-03.csv");
        misfits[0].NetPayError.ShouldBe(100.00m);
    }

    [Fact]
    public void Settlements_hold_the_compliance_cases_the_alerts_look_for()
    {
        var rows = DemoInbox.ReadCsvs(_inbox.Files("dispatch_settlements")).ToList();
        rows.ShouldContain(r => M(r, "si_base") < 0.6m * M(r, "gross_wage"), "si_base below 60 % of gross");
        rows.ShouldContain(r => r["contract_end"] != "" && DateOnly.Parse(r["contract_end"], CultureInfo.InvariantCulture)
            < DateOnly.Parse(r["contract_start"], CultureInfo.InvariantCulture).AddYears(2).AddDays(-1), "a contract shorter than 2 years");
        rows.ShouldContain(r => r["commercial_insurance"] == "", "a project without commercial insurance");
        // compliance-and-statistics.md A.3: from 2026-07 a worker without a contract, and one whose injury insurance is not paid
        rows.Where(r => r["contract_start"] == "").Select(r => (r["project_id"], r["month"])).Distinct().ShouldBe(
            [("A003-P001", "2026-07"), ("A003-P001", "2026-08"), ("A003-P001", "2026-09")]);
        rows.Where(r => M(r, "gross_wage") > 0 && M(r, "employer_injury") == 0).Select(r => (r["project_id"], r["month"])).Distinct().ShouldBe(
            [("A002-P002", "2026-07"), ("A002-P002", "2026-08"), ("A002-P002", "2026-09")]);
        rows.ShouldContain(r => r["disability_fund"] != "", "a project passing the disability fund through");
        rows.Select(r => r["month"]).Distinct().Order().ShouldBe(
            Enumerable.Range(0, 21).Select(i => new DateOnly(2025, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_project_list_is_an_xlsx_with_both_fee_models_both_tax_methods_and_projects_over_the_dispatch_cap()
    {
        var path = _inbox.Files("dispatch_projects").ShouldHaveSingleItem();
        path.ShouldEndWith(".xlsx");
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value.ShouldBe("派遣项目");
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray();
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToDictionary(
            c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
            c => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue!.Text)).ToList();
        var header = rows[0];
        string Column(string name) => header.Single(h => h.Value == name).Key;
        header.Values.ShouldContain("client_total_workforce");
        var projects = rows.Skip(1).ToList();
        projects.Count.ShouldBe(12); // 3 agencies × at least 4 projects
        projects.Select(p => p[Column("fee_model")]).Distinct().Order().ShouldBe(["per_head", "percent_of_payroll"]);
        projects.Select(p => p[Column("tax_method")]).Distinct().Order().ShouldBe(["differential_5", "general_6"]);
        projects.Select(p => p[Column("agency_id")]).Distinct().Order().ShouldBe(["A001", "A002", "A003"]);
        // Dates are real Excel date cells (serial numbers): P001 of every agency starts on 2024-03-01.
        var starts = projects.Where(p => p[Column("project_id")].EndsWith("-P001"))
            .Select(p => DateTime.FromOADate(double.Parse(p[Column("start_on")], CultureInfo.InvariantCulture))).ToList();
        starts.ShouldBe([new DateTime(2024, 3, 1), new DateTime(2024, 3, 1), new DateTime(2024, 3, 1)]);

        // The P002 projects exceed 10 % of the client's workforce in their first settled month.
        var headcounts = DemoInbox.ReadCsvs(_inbox.Files("dispatch_settlements"))
            .GroupBy(r => (r["project_id"], r["month"])).ToDictionary(g => g.Key, g => g.Count());
        foreach (var p in projects.Where(p => p[Column("project_id")].EndsWith("-P002")))
        {
            int workforce = int.Parse(p[Column("client_total_workforce")], CultureInfo.InvariantCulture);
            (headcounts[(p[Column("project_id")], "2025-01")] / (double)workforce).ShouldBeGreaterThan(0.10);
        }
    }

    [Fact]
    public void Costs_include_refunds_and_an_unknown_category_and_invoices_late_partial_and_unpaid_ones()
    {
        var costs = DemoInbox.ReadCsvs(_inbox.Files("dispatch_costs")).ToList();
        costs.ShouldContain(c => M(c, "amount") < 0);
        costs.Count(c => c["category"] == "meals").ShouldBe(1);
        costs.ShouldContain(c => c["note"].Contains(',') && c["note"].Contains('"')); // quoting survives
        costs.Select(c => c["cost_id"]).ShouldBeUnique();

        var invoices = DemoInbox.ReadCsvs(_inbox.Files("dispatch_invoices")).ToList();
        invoices.Count(i => i["received_amount"] != "" && M(i, "received_amount") > M(i, "amount")).ShouldBe(1);
        invoices.ShouldContain(i => i["received_on"] == "" && string.CompareOrdinal(i["due_on"], "2026-06-01") < 0, "long overdue");
        invoices.ShouldContain(i => i["received_on"] != "" && string.CompareOrdinal(i["received_on"], i["due_on"]) > 0, "paid late");
        invoices.ShouldContain(i => i["received_amount"] != "" && M(i, "received_amount") < M(i, "amount"), "paid partly");

        // Each invoice bills exactly the month's settlements of its project.
        var billed = DemoInbox.ReadCsvs(_inbox.Files("dispatch_settlements"))
            .GroupBy(r => (r["project_id"], r["month"])).ToDictionary(g => g.Key, g => g.Sum(r => M(r, "billed_total")));
        foreach (var i in invoices) M(i, "amount").ShouldBe(billed[(i["project_id"], i["month"])]);
    }
}
