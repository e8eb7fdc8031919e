namespace Analytics.Tests.Marts;

/// <summary>
/// metrics.md §6's worked example as delivered files: GC-001 (the project table), GC-002, GC-003
/// and GC-004 (the roll-up), in scope 420100.
/// </summary>
public static class WagePaymentFixtures
{
    public static WageLake WorkedExample()
    {
        var lake = new WageLake();
        lake.Drop("construction_projects", $"""
            {WageLake.ProjectHeader}
            GC-001,江岸安置房,420102,housing,C1,建工集团,城投公司,1800000.00,20,2026-03-01,2027-02-28,15,next,2026-02-20,bank_guarantee,36000.00,false,张三
            GC-002,武昌二环线,420106,transport,C2,路桥公司,交投公司,900000.00,,2026-01-01,2026-12-31,15,next,2026-01-10,,,true,李四
            GC-003,洪山水厂,420111,water,C3,水务建设,水务集团,3000000.00,20,2026-01-01,2026-12-31,15,next,2026-01-10,cash_deposit,60000.00,true,王五
            GC-004,硚口学校,420104,housing,C4,建工二公司,教育局,2000000.00,15,2026-01-05,2026-12-31,10,next,2026-01-10,exempt,,true,
            """);
        lake.Drop("site_roster", $"""
            {WageLake.RosterHeader}
            GC-001,w1,2026-03-02,,S1,,2026-03-01,true
            GC-001,w2,2026-03-02,,S1,,2026-03-02,true
            GC-001,w3,2026-03-10,,S1,,2026-03-12,true
            GC-001,w4,2026-03-02,2026-04-15,S1,,2026-03-02,true
            GC-001,w5,2026-04-20,,S1,,,
            GC-002,y1,2026-01-05,,C2,,2026-01-05,true
            GC-002,y2,2026-01-05,,C2,,2026-01-05,true
            GC-002,y3,2026-02-01,,C2,,2026-02-01,true
            GC-003,x1,2026-03-01,,C3,,2026-03-01,true
            GC-003,x2,2026-03-01,,C3,,2026-03-01,true
            """);
        lake.Drop("site_attendance", $"""
            {WageLake.AttendanceHeader}
            2026-04,GC-001,w1,22,
            2026-04,GC-001,w2,20,
            2026-04,GC-001,w3,21,
            2026-04,GC-001,w4,11,
            2026-04,GC-001,w5,9,
            2026-04,GC-002,y1,22,
            2026-04,GC-002,y2,22,
            2026-04,GC-002,y3,22,
            2026-03,GC-003,x1,22,
            2026-03,GC-003,x2,22,
            2026-04,GC-003,x1,20,
            2026-04,GC-003,x2,20,
            """);
        lake.Drop("site_payroll", $"""
            {WageLake.PayrollHeader}
            2026-03,GC-001,S1,w1,6000.00,6000.00,2026-04-15,special_account,true
            2026-03,GC-001,S1,w2,6000.00,6000.00,2026-04-15,special_account,true
            2026-03,GC-001,S1,w3,5000.00,5000.00,2026-04-15,special_account,true
            2026-03,GC-001,S1,w4,6000.00,6000.00,2026-04-15,special_account,true
            2026-04,GC-001,S1,w1,6600.00,6600.00,2026-05-15,special_account,true
            2026-04,GC-001,S1,w2,6000.00,6000.00,2026-05-16,special_account,true
            2026-04,GC-001,S1,w3,6300.00,4000.00,2026-05-15,special_account,true
            2026-04,GC-001,S1,w4,3300.00,3300.00,2026-05-14,cash,true
            2026-04,GC-001,S2,w6,5000.00,5000.00,2026-05-15,special_account,false
            2026-04,GC-002,C2,y1,6000.00,6000.00,2026-05-10,special_account,true
            2026-04,GC-002,C2,y2,6000.00,6000.00,2026-05-10,special_account,true
            2026-04,GC-002,C2,y3,6000.00,6000.00,2026-05-10,special_account,true
            2026-03,GC-003,C3,x1,6000.00,0,,,true
            2026-03,GC-003,C3,x2,4500.00,4500.00,2026-04-15,special_account,true
            2026-04,GC-003,C3,x1,5000.00,0,,,true
            2026-04,GC-003,C3,x2,4000.00,0,,,true
            """);
        lake.Drop("account_flows", $"""
            {WageLake.FlowHeader}
            F1,GC-001,2026-04-08,in,20000.00,builder
            F2,GC-001,2026-04-25,in,5000.00,contractor
            F1,GC-002,2026-04-10,in,12000.00,builder
            F1,GC-003,2026-04-10,in,50000.00,builder
            F2,GC-003,2026-03-10,in,50000.00,builder
            """);
        return lake.Ingest();
    }
}
