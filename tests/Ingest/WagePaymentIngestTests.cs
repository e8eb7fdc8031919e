using System.Text;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// The construction wage-payment datasets through the real ingest: GBK files with the Chinese
/// headers of datasets.md, worker ids hashed so roster, attendance and payroll join, each row's
/// source file and line kept, and a paid-in-instalments row replaced by a later file.
/// </summary>
public class WagePaymentIngestTests
{
    static WagePaymentIngestTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding("GBK");

    [Fact]
    public void Gbk_files_with_chinese_headers_load_into_every_dataset()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("construction_projects", "在建项目.csv", """
            项目编号,项目名称,项目所在地,行业领域,施工总承包单位编号,施工总承包单位,建设单位,合同价款,人工费用比例,开工日期,计划竣工日期,工资支付日,工资支付月,专用账户开户日期,工资保证金形式,工资保证金金额,维权信息告示牌,劳资专管员
            GC-001,江岸安置房,420102,住建,91420100MA4K000001,建工集团,城投公司,"¥1,800,000.00",20,2026/3/1,2027-02-28,15,次月,2026-02-20,银行保函,36000,否,张三
            GC-002,二环线改造,420106,交通,91420100MA4K000002,路桥公司,,500000,,2026-01-05,2026-12-31,31,当月,,,,,
            """, Gbk);
        sandbox.Drop("site_roster", "花名册.csv", $"""
            项目编号,身份证号,进场日期,退场日期,所属单位编号,工种,劳动合同签订日期,工资卡登记
            GC-001,{RuleTests.ValidId},2026-03-02,2026-04-15,S1,6-29-01-01,2026-03-02,是
            GC-001,W5,2026-04-20,,S1,,,
            """, Gbk);
        sandbox.Drop("site_attendance", "考勤表.csv", $"""
            考勤月份,项目编号,身份证号,出勤天数,计量工作量
            2026-04,GC-001,{RuleTests.ValidId},11,
            202604,GC-001,W5,9,3.5
            """, Gbk);
        sandbox.Drop("site_payroll", "工资支付表.csv", $"""
            工资月份,项目编号,分包单位编号,身份证号,应付工资,实付金额,支付日期,支付方式,本人签字确认
            2026-04,GC-001,S1,{RuleTests.ValidId},"3,300.00",3300,2026-05-14,现金,是
            2026-04,GC-001,S1,W5,2000,2500,2026-05-15,专用账户代发,是
            2026-04,GC-001,S2,W5,1000,0,,,
            """, Gbk);
        sandbox.Drop("account_flows", "专户流水.csv", """
            交易流水号,项目编号,交易日期,收支方向,金额,对方类别
            F1,GC-001,2026-04-08,转入,20000,建设单位
            F2,GC-001,2026-04-25,收入,5000,施工总承包单位
            F3,GC-009,2026-04-26,支出,100,农民工
            """, Gbk);

        var files = sandbox.Pass().Files.OrderBy(f => f.Dataset).ToList();
        files.Select(f => (f.Dataset, f.Encoding, f.RowsLoaded, f.RowsRejected)).ShouldBe([
            ("account_flows", "gb18030", 3L, 0L),
            ("construction_projects", "gb18030", 2L, 0L),
            ("site_attendance", "gb18030", 2L, 0L),
            // W5's S1 row pays 2,500.00 of 2,000.00 due: wage_paid <= wage_due is exact
            ("site_payroll", "gb18030", 2L, 1L),
            ("site_roster", "gb18030", 2L, 0L),
        ]);
        sandbox.RejectLines(files.Single(f => f.Dataset == "site_payroll")).ShouldHaveSingleItem().ShouldContain("3,wage_paid,wage_paid <= wage_due,2500");

        sandbox.Query("""
            SELECT project_id, region_code, sector, contract_value, labour_cost_share_pct, start_on, pay_day, pay_month,
                   guarantee_form, notice_board, officer_name
            FROM construction_projects ORDER BY project_id
            """).ShouldBe([
            ["GC-001", "420102", "housing", 1_800_000.00m, 20m, new DateOnly(2026, 3, 1), 15, "next", "bank_guarantee", false, "张三"],
            ["GC-002", "420106", "transport", 500_000m, null, new DateOnly(2026, 1, 5), 31, "current", null, null, null],
        ]);
        // Roster, attendance and payroll join on the hashed worker id; no raw id is stored.
        sandbox.Query("""
            SELECT r.worker_id = a.worker_id AND a.worker_id = p.worker_id, length(p.worker_id), r.bank_card_registered,
                   a.days_worked, p.paid_via, p.signed_by_worker
            FROM site_roster r JOIN site_attendance a USING (project_id, worker_id) JOIN site_payroll p USING (project_id, worker_id)
            ORDER BY a.days_worked DESC
            """).ShouldBe([[true, 32L, true, 11, "cash", true], [true, 32L, false, 9, null, false]]);
        sandbox.Scalar("SELECT count(*) FROM site_roster WHERE worker_id = ?", RuleTests.ValidId).ShouldBe(0L);
        // W5's roster row: the card flag defaults to false; an unpaid row keeps no date or channel.
        sandbox.Query("SELECT bank_card_registered, contract_signed_on FROM site_roster WHERE left_on IS NULL").ShouldBe([[false, null]]);
        sandbox.Query("SELECT subcontractor_id, wage_paid, paid_on, signed_by_worker FROM site_payroll WHERE subcontractor_id = 'S2'")
            .ShouldBe([["S2", 0m, null, false]]);
        sandbox.Query("SELECT direction, counterparty FROM account_flows ORDER BY flow_id")
            .ShouldBe([["in", "builder"], ["in", "contractor"], ["out", "worker"]]);
    }

    [Fact]
    public void Roster_attendance_and_payroll_rows_keep_their_file_and_line_as_rejects_number_them()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("site_attendance", "2026-04/考勤表.csv", """
            month,project_id,worker_id,days_worked,source_file,source_line
            2026-04,GC-001,W1,22,evil.csv,999
            2026-04,GC-001,W2,31
            2026-04,GC-001,W3,21
            """);
        var result = sandbox.PassOne();
        result.UnknownColumns.ShouldBe(["source_file", "source_line"]); // a header never fills them
        sandbox.RejectLines(result).ShouldHaveSingleItem().ShouldStartWith("3,days_worked,");
        sandbox.Query("SELECT days_worked, source_file, source_line FROM site_attendance ORDER BY source_line").ShouldBe([
            [22, "site_attendance/2026-04/考勤表.csv", 2],
            [21, "site_attendance/2026-04/考勤表.csv", 4],
        ]);
    }

    [Fact]
    public void An_instalment_is_replaced_by_a_later_files_row_with_the_cumulative_payment_and_its_source()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("site_payroll", "2026-05-15.csv", """
            month,project_id,subcontractor_id,worker_id,wage_due,wage_paid,paid_on,paid_via,signed_by_worker
            2026-04,GC-001,S1,W1,6600,6600,2026-05-15,special_account,1
            2026-04,GC-001,S1,W3,6300,4000,2026-05-15,special_account,1
            2026-04,GC-001,S2,W3,800,800,2026-05-15,special_account,1
            """);
        sandbox.Pass();
        // The second instalment: the S1 row of W3 again, cumulative, dated by the last instalment.
        sandbox.Drop("site_payroll", "2026-05-25.csv", """
            month,project_id,subcontractor_id,worker_id,wage_due,wage_paid,paid_on,paid_via,signed_by_worker
            2026-03,GC-001,S1,W9,100,100,2026-04-15,special_account,1
            2026-04,GC-001,S1,W3,6300,6300,2026-05-25,special_account,1
            """);
        sandbox.Pass();
        sandbox.Query("""
            SELECT subcontractor_id, wage_due, wage_paid, paid_on, source_file, source_line
            FROM site_payroll WHERE month = DATE '2026-04-01' ORDER BY wage_due DESC
            """).ShouldBe([
            ["S1", 6600m, 6600m, new DateOnly(2026, 5, 15), "site_payroll/2026-05-15.csv", 2],
            ["S1", 6300m, 6300m, new DateOnly(2026, 5, 25), "site_payroll/2026-05-25.csv", 3],
            // another employer's row for the same worker and month is not replaced (the key holds subcontractor_id)
            ["S2", 800m, 800m, new DateOnly(2026, 5, 15), "site_payroll/2026-05-15.csv", 4],
        ]);
    }

    [Fact]
    public void Rows_of_a_project_not_in_construction_projects_are_loaded_and_flagged()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("construction_projects", "p.csv", """
            project_id,project_name,region_code,sector,contractor_id,contractor_name,contract_value,start_on,planned_end_on,pay_day
            GC-001,安置房,420102,housing,C1,建工,1000000,2026-03-01,2027-02-28,15
            """);
        sandbox.Drop("account_flows", "f.csv", """
            flow_id,project_id,flow_on,direction,amount,counterparty
            F1,GC-001,2026-04-08,in,100,builder
            F2,GC-404,2026-04-08,in,100,builder
            """);
        sandbox.Pass();
        sandbox.Scalar("SELECT count(*) FROM account_flows").ShouldBe(2L);
        sandbox.Query("SELECT dataset, row_key, column_name, code FROM data_quality WHERE column_name = 'project_id'")
            .ShouldBe([["account_flows", "GC-404|F2", "project_id", "GC-404"]]);
    }
}
