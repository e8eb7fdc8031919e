namespace Analytics.Ingest.Schema;

/// <summary>An enumeration: canonical English codes plus the Chinese labels that mean the same.</summary>
public sealed class EnumType
{
    private readonly Dictionary<string, string> _lookup = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public EnumType(string name, params (string Code, string[] Labels)[] values)
    {
        Name = name;
        Codes = values.Select(v => v.Code).ToArray();
        foreach (var (code, labels) in values)
        {
            if (labels.Length > 0) _firstLabel[code] = labels[0];
            _lookup[code] = code;
            foreach (var label in labels) _lookup[label] = code;
        }
        _byChars = _lookup.GetAlternateLookup<ReadOnlySpan<char>>();
        var exact = _lookup.Select(p => (Utf8: System.Text.Encoding.UTF8.GetBytes(p.Key), Code: p.Value)).ToArray();
        _exactByLength = Enumerable.Range(0, exact.Max(e => e.Utf8.Length) + 1)
            .Select(length => exact.Where(e => e.Utf8.Length == length).ToArray()).ToArray();
    }

    // Codes and labels as UTF-8 by their length in bytes, for the common case of a value spelled exactly so (no
    // decoding, no case folding): a value is compared with the one or two of its length, not with every spelling.
    private readonly (byte[] Utf8, string Code)[][] _exactByLength;

    private readonly Dictionary<string, string> _firstLabel = new(StringComparer.Ordinal);

    public string Name { get; }

    /// <summary>The Chinese label a bureau export prints for a code (its first label), or null.</summary>
    public string? LabelOf(string code) => _firstLabel.GetValueOrDefault(code);
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The canonical code for a code or label (case-insensitive), or null when unknown.</summary>
    public string? Resolve(string value) => _lookup.GetValueOrDefault(value);

    /// <summary>The canonical code when the bytes are a code or label spelled exactly (case included), else null.</summary>
    public string? ResolveExact(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= _exactByLength.Length) return null;
        foreach (var (bytes, code) in _exactByLength[utf8.Length])
            if (utf8.SequenceEqual(bytes)) return code;
        return null;
    }

    /// <summary>As <see cref="Resolve(string)"/>, without making a string (the per-row path).</summary>
    public string? Resolve(ReadOnlySpan<char> value) => _byChars.TryGetValue(value, out var code) ? code : null;

    public static readonly EnumType Gender = new("gender", ("M", ["男"]), ("F", ["女"]));

    public static readonly EnumType Education = new("education",
        ("none", ["不限"]), ("junior_high", ["初中"]), ("high_school", ["高中"]),
        ("vocational", ["中专/中技", "中专", "中技"]), ("associate", ["大专"]), ("bachelor", ["本科"]),
        ("master", ["硕士"]), ("doctorate", ["博士"]));

    public static readonly EnumType Channel = new("channel",
        ("public_service", ["公共就业服务"]), ("online", ["网络招聘"]), ("job_fair", ["招聘会"]), ("other", ["其他"]));

    public static readonly EnumType SeekerCategory = new("category",
        ("unemployed", ["失业人员"]), ("new_graduate", ["应届毕业生"]), ("migrant_worker", ["农村劳动者"]),
        ("employed_seeking", ["在业人员"]), ("other", ["其他"]));

    public static readonly EnumType EmploymentType = new("employment_type",
        ("employee", ["单位就业"]), ("flexible", ["灵活就业"]), ("self_employed", ["自主创业"]),
        ("public_welfare_post", ["公益性岗位"]));

    public static readonly EnumType UnemploymentReason = new("reason",
        ("contract_ended", ["合同到期"]), ("dismissed", ["解除合同"]), ("business_closed", ["单位关停"]),
        ("graduate_unplaced", ["毕业未就业"]), ("other", ["其他"]));

    public static readonly EnumType EndReason = new("end_reason",
        ("reemployed", ["实现就业"]), ("retired", ["退休"]), ("moved", ["迁出"]), ("other", ["其他"]));

    public static readonly EnumType RetireeStatus = new("status",
        ("active", ["在册"]), ("transferred_out", ["转出"]), ("deceased", ["死亡"]));

    public static readonly EnumType FeeModel = new("fee_model",
        ("per_head", ["按人头"]), ("percent_of_payroll", ["按工资比例"]));

    public static readonly EnumType TaxMethod = new("tax_method",
        ("differential_5", ["差额征税5%", "差额征税"]), ("general_6", ["一般计税6%", "一般计税"]));

    public static readonly EnumType CostCategory = new("category",
        ("recruitment", ["招聘"]), ("training", ["培训"]), ("management", ["管理人员"]),
        ("claims", ["工伤/理赔", "工伤", "理赔"]), ("other", ["其他"]));

    public static readonly EnumType Sector = new("sector",
        ("housing", ["住建"]), ("transport", ["交通"]), ("water", ["水利"]), ("civil_aviation", ["民航"]),
        ("railway", ["铁路"]), ("other", ["其他"]));

    public static readonly EnumType PayMonth = new("pay_month", ("current", ["当月"]), ("next", ["次月"]));

    public static readonly EnumType GuaranteeForm = new("guarantee_form",
        ("cash_deposit", ["现金存储"]), ("bank_guarantee", ["银行保函"]), ("guarantee_insurance", ["保证保险"]), ("exempt", ["免缴"]));

    public static readonly EnumType PaidVia = new("paid_via",
        ("special_account", ["专用账户代发"]), ("other", ["其他转账"]), ("cash", ["现金"]));

    public static readonly EnumType FlowDirection = new("direction", ("in", ["收入", "转入"]), ("out", ["支出", "转出"]));

    public static readonly EnumType Counterparty = new("counterparty",
        ("builder", ["建设单位"]), ("contractor", ["施工总承包单位"]), ("worker", ["农民工"]), ("other", ["其他"]));
}
