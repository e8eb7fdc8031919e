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
    public void Chinese_counts_use_wan_and_ratios_two_decimals_half_away_from_zero()
    {
        var zh = Ui();
        zh.Count(99_999).ShouldBe("99,999");
        zh.Count(123_456).ShouldBe("12.3万");
        zh.Ratio(null).ShouldBe("—");
        zh.Ratio(1.255m).ShouldBe("1.26");   // half away from zero
        zh.T("排行", "Rankings").ShouldBe("排行");
    }

    [Fact]
    public void English_keeps_plain_thousands()
    {
        var en = Ui("?lang=en");
        en.Count(123_456).ShouldBe("123,456");
        en.T("排行", "Rankings").ShouldBe("Rankings");
    }
}
