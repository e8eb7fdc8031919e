using Analytics.Dashboards.Ui;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

public class UiFormatTests
{
    private static UiContext Ui(string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(query);
        return new UiContext(new HttpContextAccessor { HttpContext = http });
    }

    [Fact]
    public void Chinese_numbers_use_wan_money_yuan_and_wages_whole_yuan_half_away_from_zero()
    {
        var zh = Ui();
        zh.Count(99_999).ShouldBe("99,999");
        zh.Count(123_456).ShouldBe("12.3万");
        zh.Money(-1588.56m).ShouldBe("-¥1,588.56");
        zh.Money(12345.6m).ShouldBe("¥12,345.60");
        zh.MoneyCompact(3_509_469.04m).ShouldBe("¥350.9万");
        zh.MoneyCompact(-250_000m).ShouldBe("-¥25万");
        zh.Wage(4500.50m).ShouldBe("¥4,501");
        zh.Wage(4499.49m).ShouldBe("¥4,499");
        zh.Ratio(null).ShouldBe("—");
        zh.T("排行", "Rankings").ShouldBe("排行");
    }

    [Fact]
    public void English_keeps_plain_thousands()
    {
        var en = Ui("?lang=en");
        en.Count(123_456).ShouldBe("123,456");
        en.MoneyCompact(3_509_469.04m).ShouldBe("¥3,509,469");
        en.T("排行", "Rankings").ShouldBe("Rankings");
    }
}
