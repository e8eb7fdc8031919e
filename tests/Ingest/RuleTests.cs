using System.Text;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>Every rule of datasets.md with a value that breaks it and one that passes, on a row that is otherwise valid.</summary>
public class RuleTests
{
    public const string ValidId = "110105199001011232";
    public const string ValidIdX = "31010419580712002X"; // shape only: its real check digit is 7, so this one is invalid

    private static readonly Dictionary<string, string> ValidRows = new()
    {
        ["regions"] = "region_code=110105|region_name=朝阳区",
        ["occupations"] = "occupation_code=2-02-01-01|occupation_name=软件工程技术人员",
        ["si_bases"] = "region_code=420000|from_month=2026-07|avg_wage=7000|base_floor=4200|base_cap=21000",
        ["vacancies"] = "posting_id=P1|registered_on=2026-09-01|region_code=110105|employer_id=E1|industry_code=C13|occupation_code=2-02-01-01|positions=3|wage_min=8000|wage_max=9000|education_min=bachelor|channel=online",
        ["jobseekers"] = $"seeker_id={ValidId}|registered_on=2026-09-01|region_code=110105|occupation_code=2-02-01-01|gender=M|birth_year=1990|education=bachelor|category=unemployed|expected_wage=7000",
        ["employment"] = $"person_id={ValidId}|employed_on=2026-09-01|region_code=110105|employer_id=E1|industry_code=C|occupation_code=2-02-01-01|employment_type=employee|full_time=1|monthly_wage=6000",
        ["unemployment"] = $"person_id={ValidId}|registered_on=2026-01-05|region_code=110105|gender=F|birth_year=1985|education=associate|reason=contract_ended|ended_on=2026-03-01|end_reason=reemployed|ui_months=3|ui_monthly_amount=1800",
        ["retirees"] = $"retiree_id={ValidId}|region_code=110105|community=和平里社区|gender=F|birth_date=1960-05-01|retired_on=2015-05-01|monthly_pension=3500|solitary=否|serious_illness=0|extreme_poverty=false|model_worker=1|pre1949_worker=0|status=active|status_on=",
        ["dispatch_projects"] = "project_id=PR1|project_name=仓储外包|agency_id=A1|agency_name=人力公司|client_id=C1|client_name=物流公司|client_industry=G|client_total_workforce=500|region_code=110105|start_on=2026-01-01|end_on=2026-12-31|fee_model=per_head|fee_rate=300|tax_method=differential_5|target_margin_pct=12.5|budget_monthly_revenue=100000|budget_monthly_cost=80000",
        ["dispatch_settlements"] = "month=2026-09|project_id=PR1|worker_id=W1|contract_start=2026-01-01|contract_end=2026-12-31|gross_wage=10000|si_base=8000|employer_pension=1280|employer_medical=784|employer_unemployment=40|employer_injury=16|employer_maternity=64|employer_housing_fund=960|personal_pension=640|personal_medical=160|personal_unemployment=40|personal_housing_fund=960|income_tax=100|net_pay=8100|commercial_insurance=50|disability_fund=30|service_fee=300|billed_total=13524",
        ["dispatch_costs"] = "month=202609|project_id=PR1|category=recruitment|amount=500|cost_id=K1",
        ["dispatch_invoices"] = "invoice_id=I1|project_id=PR1|month=2026-09|invoiced_on=2026-10-05|amount=13524|due_on=2026-11-05|received_on=2026-11-01|received_amount=13524",
        ["construction_projects"] = "project_id=GC-001|project_name=江岸安置房|region_code=420102|sector=housing|contractor_id=91420100MA4K000001|contractor_name=建工集团|builder_name=城投公司|contract_value=1800000|labour_cost_share_pct=20|start_on=2026-03-01|planned_end_on=2027-02-28|pay_day=15|pay_month=next|special_account_opened_on=2026-02-20|guarantee_form=bank_guarantee|guarantee_amount=36000|notice_board=0|officer_name=张三",
        ["site_roster"] = $"project_id=GC-001|worker_id={ValidId}|entered_on=2026-03-02|left_on=2026-04-15|subcontractor_id=S1|occupation_code=6-29-01-01|contract_signed_on=2026-03-02|bank_card_registered=1",
        ["site_attendance"] = $"month=2026-04|project_id=GC-001|worker_id={ValidId}|days_worked=22|quantity=12.5",
        ["site_payroll"] = $"month=2026-04|project_id=GC-001|subcontractor_id=S1|worker_id={ValidId}|wage_due=6600|wage_paid=6600|paid_on=2026-05-15|paid_via=special_account|signed_by_worker=1",
        ["account_flows"] = "flow_id=F1|project_id=GC-001|flow_on=2026-04-08|direction=in|amount=20000|counterparty=builder",
    };

    /// <summary>(dataset, changes "col=value;col=value", column blamed, rule text expected, or null when the row must pass).</summary>
    public static TheoryData<string, string, string?, string?> Cases() => new()
    {
        { "regions", "region_code=11010", "region_code", "6 digits" },
        { "regions", "region_code=110105", null, null },
        { "regions", "region_name=", "region_name", "required" },
        { "regions", "parent_code=1101", "parent_code", "6 digits" },
        { "occupations", "occupation_code=2-02-01", "occupation_code", "x-xx-xx-xx" },
        { "occupations", "occupation_code=4-01-02-03", null, null },
        // si_bases (compliance-and-statistics.md A.1): the key month, base_cap >= base_floor, base_floor when avg_wage is empty
        { "si_bases", "from_month=2026-13", "from_month", "month" },
        { "si_bases", "from_month=", "from_month", "required" },
        { "si_bases", "from_month=202707", null, null },                       // a base announced ahead of time
        { "si_bases", "base_cap=4199.99", "base_cap", "base_cap >= base_floor" },
        { "si_bases", "base_cap=4200", null, null },
        { "si_bases", "avg_wage=|base_floor=", "base_floor", "required when avg_wage is empty" },
        { "si_bases", "avg_wage=", null, null },
        { "si_bases", "base_floor=", null, null },                              // avg_wage × 60 % stands in
        { "si_bases", "avg_wage=0", "avg_wage", "> 0" },
        { "vacancies", "posting_id=", "posting_id", "required" },
        { "vacancies", "registered_on=2026-13-01", "registered_on", "date" },
        { "vacancies", "registered_on=2026-02-30", "registered_on", "date" },
        { "vacancies", "registered_on=2026/9/1", null, null },
        { "vacancies", "registered_on=20260901", null, null },
        { "vacancies", "region_code=11010a", "region_code", "6 digits" },
        { "vacancies", "employer_id=", "employer_id", "required" },
        { "vacancies", "industry_code=Z1", "industry_code", "industry code" },
        { "vacancies", "industry_code=c13", null, null },
        { "vacancies", "occupation_code=20201-01", "occupation_code", "x-xx-xx-xx" },
        { "vacancies", "positions=0", "positions", "range 1..100000" },
        { "vacancies", "positions=100001", "positions", "range 1..100000" },
        { "vacancies", "positions=2.5", "positions", "integer" },
        { "vacancies", "positions=100000", null, null },
        { "vacancies", "wage_min=-1", "wage_min", ">= 0" },
        { "vacancies", "wage_min=12.345", "wage_min", "money" },
        { "vacancies", "wage_min=¥1,234.50", null, null },
        { "vacancies", "wage_min=12,34", "wage_min", "not a number" },
        { "vacancies", "wage_min=1,23,456", "wage_min", "not a number" },
        { "vacancies", "wage_min=12.3.4", "wage_min", "not a number" },
        { "vacancies", "registered_on=2999-12-31", "registered_on", "date: at most 366 days after today" },
        { "vacancies", "wage_max=7999.99", "wage_max", "wage_max >= wage_min" },
        { "vacancies", "wage_max=8000", null, null },
        { "vacancies", "education_min=phd", "education_min", "enum" },
        { "vacancies", "education_min=中专/中技", null, null },
        { "vacancies", "channel=radio", "channel", "enum" },
        { "vacancies", "channel=招聘会", null, null },
        { "jobseekers", "seeker_id=110105199001011233", "seeker_id", "check digit" },
        { "jobseekers", $"seeker_id={ValidIdX}", "seeker_id", "check digit" },
        { "jobseekers", "seeker_id=S-000123", null, null },
        { "jobseekers", "birth_year=1929", "birth_year", "range" },
        { "jobseekers", $"birth_year={DateTime.UtcNow.Year - 13}", "birth_year", "range" },
        { "jobseekers", $"birth_year={DateTime.UtcNow.Year - 14}", null, null },
        { "jobseekers", "gender=X", "gender", "enum" },
        { "jobseekers", "gender=女", null, null },
        { "jobseekers", "category=student", "category", "enum" },
        { "jobseekers", "category=应届毕业生", null, null },
        { "jobseekers", "expected_wage=-5", "expected_wage", ">= 0" },
        { "jobseekers", "occupation_code=", "occupation_code", "required" },
        { "employment", "employment_type=", "employment_type", "required" },
        { "employment", "employment_type=灵活就业", null, null },
        { "employment", "full_time=maybe", "full_time", "bool" },
        { "employment", "full_time=否", null, null },
        { "employment", "full_time=TRUE", null, null },
        { "employment", "monthly_wage=0", "monthly_wage", "> 0" },
        { "employment", "monthly_wage=0.01", null, null },
        { "employment", "employed_on=", "employed_on", "required" },
        { "unemployment", "ended_on=2026-01-04", "ended_on", "ended_on >= registered_on" },
        { "unemployment", "ended_on=2026-01-05", null, null },
        { "unemployment", "end_reason=", "end_reason", "required when ended_on is set" },
        { "unemployment", "end_reason=;ended_on=", null, null },
        { "unemployment", "end_reason=迁出", null, null },
        { "unemployment", "ui_months=25", "ui_months", "range 0..24" },
        { "unemployment", "ui_months=24", null, null },
        { "unemployment", "reason=fired", "reason", "enum" },
        { "unemployment", "ui_monthly_amount=-1", "ui_monthly_amount", ">= 0" },
        { "retirees", "retired_on=1960-05-01", "retired_on", "retired_on > birth_date" },
        { "retirees", "retired_on=1960-05-02", null, null },
        { "retirees", "status=deceased", "status_on", "required when status is not active" },
        { "retirees", "status=死亡;status_on=2026-08-01", null, null },
        { "retirees", "status=转出;status_on=2026-08-01", null, null },
        { "retirees", "status=gone", "status", "enum" },
        { "retirees", "status=deceased;status_on=2015-04-30", "status_on", "status_on >= retired_on" },
        { "retirees", "status=deceased;status_on=2015-05-01", null, null },
        { "retirees", "monthly_pension=", "monthly_pension", "required" },
        { "retirees", "solitary=2", "solitary", "bool" },
        { "retirees", "gender=", "gender", "required" },
        { "dispatch_projects", "end_on=2025-12-31", "end_on", "end_on >= start_on" },
        { "dispatch_projects", "end_on=", null, null },
        { "dispatch_projects", "fee_model=hourly", "fee_model", "enum" },
        { "dispatch_projects", "fee_model=按工资比例;fee_rate=8.5", null, null },
        { "dispatch_projects", "fee_rate=8.12345", "fee_rate", "decimal" },
        { "dispatch_projects", "tax_method=一般计税6%", null, null },
        { "dispatch_projects", "tax_method=vat", "tax_method", "enum" },
        { "dispatch_projects", "agency_id=", "agency_id", "required" },
        { "dispatch_settlements", "month=2026-9", "month", "month" },
        { "dispatch_settlements", "month=202609", null, null },
        { "dispatch_settlements", "contract_end=2999-12-31", null, null },
        { "dispatch_settlements", "month=2999-12", "month", "date: at most 366 days after today" },
        { "dispatch_settlements", "net_pay=8100.02", "net_pay", "net_pay = gross_wage" },
        { "dispatch_settlements", "net_pay=8100.01", null, null },
        { "dispatch_settlements", "billed_total=13524.02", "billed_total", "billed_total = gross_wage" },
        { "dispatch_settlements", "billed_total=13523.99", null, null },
        { "dispatch_settlements", "commercial_insurance=;billed_total=13474", null, null },
        { "dispatch_settlements", "gross_wage=-1", "gross_wage", ">= 0" },
        { "dispatch_settlements", "employer_injury=", "employer_injury", "required" },
        { "dispatch_settlements", "contract_end=2025-12-31", "contract_end", "contract_end >= contract_start" },
        { "dispatch_costs", "amount=-500", null, null },
        { "dispatch_costs", "category=food", "category", "enum" },
        { "dispatch_costs", "category=工伤/理赔", null, null },
        { "dispatch_costs", "cost_id=", "cost_id", "required" },
        { "dispatch_invoices", "amount=0", "amount", "> 0" },
        { "dispatch_invoices", "due_on=2026-10-04", "due_on", "due_on >= invoiced_on" },
        { "dispatch_invoices", "received_amount=13524.01", "received_amount", "received_amount <= amount" },
        { "dispatch_invoices", "received_amount=0", null, null },
        { "dispatch_invoices", "received_amount=-1", "received_amount", ">= 0" },
        { "construction_projects", "project_id=", "project_id", "required" },
        { "construction_projects", "region_code=42010", "region_code", "6 digits" },
        { "construction_projects", "sector=mining", "sector", "enum" },
        { "construction_projects", "sector=住建", null, null },
        { "construction_projects", "sector=民航", null, null },
        { "construction_projects", "contractor_id=", "contractor_id", "required" },
        { "construction_projects", "contractor_name=", "contractor_name", "required" },
        { "construction_projects", "builder_name=", null, null },
        { "construction_projects", "contract_value=0", "contract_value", "> 0" },
        { "construction_projects", "contract_value=0.01", null, null },
        { "construction_projects", "labour_cost_share_pct=0", "labour_cost_share_pct", "> 0" },
        { "construction_projects", "labour_cost_share_pct=100.0001", "labour_cost_share_pct", "labour_cost_share_pct <= 100" },
        { "construction_projects", "labour_cost_share_pct=100", null, null },
        { "construction_projects", "labour_cost_share_pct=", null, null },
        { "construction_projects", "start_on=", "start_on", "required" },
        { "construction_projects", "planned_end_on=2026-02-28", "planned_end_on", "planned_end_on >= start_on" },
        { "construction_projects", "planned_end_on=2026-03-01", null, null },
        { "construction_projects", "planned_end_on=2030-12-31", null, null },
        { "construction_projects", "pay_day=0", "pay_day", "range 1..31" },
        { "construction_projects", "pay_day=32", "pay_day", "range 1..31" },
        { "construction_projects", "pay_day=31", null, null },
        { "construction_projects", "pay_month=later", "pay_month", "enum" },
        { "construction_projects", "pay_month=当月", null, null },
        { "construction_projects", "pay_month=", null, null },
        { "construction_projects", "special_account_opened_on=2026-2-30", "special_account_opened_on", "date" },
        { "construction_projects", "guarantee_form=", "guarantee_form", "required when guarantee_amount > 0" },
        { "construction_projects", "guarantee_form=;guarantee_amount=0", null, null },
        { "construction_projects", "guarantee_form=免缴;guarantee_amount=", null, null },
        { "construction_projects", "guarantee_form=保证保险", null, null },
        { "construction_projects", "guarantee_form=deposit", "guarantee_form", "enum" },
        { "construction_projects", "guarantee_amount=-1", "guarantee_amount", ">= 0" },
        { "construction_projects", "notice_board=maybe", "notice_board", "bool" },
        { "construction_projects", "notice_board=是", null, null },
        { "site_roster", "worker_id=110105199001011233", "worker_id", "check digit" },
        { "site_roster", "worker_id=", "worker_id", "required" },
        { "site_roster", "entered_on=", "entered_on", "required" },
        { "site_roster", "left_on=2026-03-01", "left_on", "left_on >= entered_on" },
        { "site_roster", "left_on=2026-03-02", null, null },
        { "site_roster", "left_on=", null, null },
        { "site_roster", "subcontractor_id=", "subcontractor_id", "required" },
        { "site_roster", "occupation_code=6-29", "occupation_code", "x-xx-xx-xx" },
        { "site_roster", "occupation_code=", null, null },
        { "site_roster", "contract_signed_on=20260302", null, null },
        { "site_roster", "contract_signed_on=2026-03-32", "contract_signed_on", "date" },
        { "site_roster", "bank_card_registered=maybe", "bank_card_registered", "bool" },
        { "site_roster", "bank_card_registered=", null, null },
        { "site_attendance", "month=2026-4", "month", "month" },
        { "site_attendance", "days_worked=32", "days_worked", "range 0..31" },
        { "site_attendance", "days_worked=-1", "days_worked", "range 0..31" },
        { "site_attendance", "days_worked=0", null, null },
        { "site_attendance", "days_worked=31", "days_worked", "days_worked <= days in month" },
        { "site_attendance", "days_worked=30", null, null },
        { "site_attendance", "month=2026-02;days_worked=29", "days_worked", "days_worked <= days in month" },
        { "site_attendance", "month=2024-02;days_worked=29", null, null },
        { "site_attendance", "quantity=-0.5", "quantity", ">= 0" },
        { "site_attendance", "quantity=", null, null },
        { "site_attendance", "worker_id=", "worker_id", "required" },
        { "site_payroll", "subcontractor_id=", "subcontractor_id", "required" },
        { "site_payroll", "wage_due=-1", "wage_due", ">= 0" },
        { "site_payroll", "wage_due=", "wage_due", "required" },
        { "site_payroll", "wage_paid=", "wage_paid", "required" },
        { "site_payroll", "wage_paid=6600.01", "wage_paid", "wage_paid <= wage_due" },
        { "site_payroll", "wage_paid=6600", null, null },
        { "site_payroll", "wage_paid=-1", "wage_paid", ">= 0" },
        { "site_payroll", "paid_on=", "paid_on", "required when wage_paid > 0" },
        { "site_payroll", "wage_paid=0;paid_on=;paid_via=", null, null },
        { "site_payroll", "paid_on=2026-03-31", "paid_on", "paid_on >= month" },
        { "site_payroll", "paid_on=2026-04-01", null, null },
        { "site_payroll", "wage_paid=0;paid_on=2026-03-31", null, null },
        { "site_payroll", "paid_via=", "paid_via", "required when wage_paid > 0" },
        { "site_payroll", "paid_via=alipay", "paid_via", "enum" },
        { "site_payroll", "paid_via=现金", null, null },
        { "site_payroll", "signed_by_worker=2", "signed_by_worker", "bool" },
        { "site_payroll", "signed_by_worker=", null, null },
        { "account_flows", "flow_id=", "flow_id", "required" },
        { "account_flows", "flow_on=", "flow_on", "required" },
        { "account_flows", "amount=0", "amount", "> 0" },
        { "account_flows", "amount=0.01", null, null },
        { "account_flows", "direction=sideways", "direction", "enum" },
        { "account_flows", "direction=转出", null, null },
        { "account_flows", "counterparty=bank", "counterparty", "enum" },
        { "account_flows", "counterparty=农民工", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule(string dataset, string changes, string? column, string? rule)
    {
        var (valid, violations, _) = Validate(dataset, changes);
        if (rule is null)
        {
            violations.ShouldBeEmpty();
            valid.ShouldBeTrue();
            return;
        }
        valid.ShouldBeFalse();
        violations.ShouldContain(v => v.Column == column && v.Rule.Contains(rule), string.Join("; ", violations));
    }

    [Fact]
    public void The_unchanged_row_of_every_dataset_is_valid()
    {
        foreach (var dataset in ValidRows.Keys) Validate(dataset, "").Valid.ShouldBeTrue(dataset);
        ValidRows.Keys.Order().ShouldBe(Datasets.All.Select(d => d.Name).Order());
    }

    [Fact]
    public void Values_are_normalized_to_the_catalog_contract()
    {
        var (_, _, row) = Validate("vacancies", "wage_min=¥1,234.5|education_min=中专|channel=网络招聘|industry_code=c13");
        var schema = Datasets.Vacancies;
        row.Numbers[schema.IndexOf("wage_min")].ShouldBe(123450L);
        row.Texts[schema.IndexOf("education_min")].ShouldBe("vocational");
        row.Texts[schema.IndexOf("channel")].ShouldBe("online");
        row.Text(schema.IndexOf("industry_code")).ShouldBe("C13");
        row.Numbers[schema.IndexOf("registered_on")].ShouldBe(new DateOnly(2026, 9, 1).DayNumber);
    }

    [Fact]
    public void A_region_without_parent_gets_one_derived_from_its_code()
    {
        Validate("regions", "region_code=110105").Row.Texts[2].ShouldBe("110100");
        Validate("regions", "region_code=110100").Row.Texts[2].ShouldBe("110000");
        Validate("regions", "region_code=110000").Row.Null[2].ShouldBeTrue();
    }

    [Fact]
    public void Full_time_defaults_to_true_and_ids_are_hashed_the_same_with_lower_case_x()
    {
        var schema = Datasets.Employment;
        Validate("employment", "full_time=").Row.Numbers[schema.IndexOf("full_time")].ShouldBe(1L);
        var upper = Validate("employment", "person_id=44030619700315001X").Violations; // check digit of ...001 is 1, so X is wrong
        upper.ShouldContain(v => v.Rule.Contains("check digit") && v.Value == "4403************1X");
        var hashed = Validate("employment", "").Row.Texts[schema.IndexOf("person_id")]!;
        hashed.Length.ShouldBe(32);
        hashed.ShouldMatch("^[0-9a-f]{32}$");
        hashed.ShouldNotContain(ValidId);
    }

    [Fact]
    public void A_missing_required_column_fails_the_file()
    {
        var validator = new RowValidator(Datasets.Vacancies, Hasher);
        var e = Should.Throw<FileRejectedException>(() => validator.BindHeaders(["posting_id", "registered_on"]));
        e.Message.ShouldContain("region_code [区划代码]");
    }

    [Fact]
    public void Headers_match_in_english_or_chinese_ignoring_case_spaces_and_bom()
    {
        var schema = Datasets.Vacancies;
        schema.ColumnForHeader("\uFEFF Posting_ID ").ShouldBe(0);
        schema.ColumnForHeader(" 岗位编号").ShouldBe(0);
        schema.ColumnForHeader("招聘人数").ShouldBe(schema.IndexOf("positions"));
        schema.ColumnForHeader("nonsense").ShouldBe(-1);
    }

    private static readonly PersonIdHasher Hasher = new(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));

    private static (bool Valid, List<Violation> Violations, ParsedRow Row) Validate(string dataset, string changes)
    {
        var schema = Datasets.Find(dataset)!;
        var values = ValidRows[dataset].Split('|').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var change in changes.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (change.Split('=', 2)[0], change.Split('=', 2)[1]);
            values[name] = value;
        }
        var csv = string.Join(",", values.Keys) + "\n" + string.Join(",", values.Values.Select(v => v.Contains(',') ? $"\"{v}\"" : v)) + "\n";
        using var source = new CsvRecordSource(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Encoding.UTF8);
        var validator = new RowValidator(schema, Hasher);
        validator.BindHeaders(source.Headers);
        source.Read().ShouldBeTrue();
        var row = new ParsedRow(schema.Columns.Count);
        var violations = new List<Violation>();
        var valid = validator.Validate(source, row, violations);
        return (valid, violations, row);
    }
}
