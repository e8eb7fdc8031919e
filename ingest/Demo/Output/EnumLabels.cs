namespace Analytics.Ingest.Demo.Output;

/// <summary>The Chinese labels of datasets.md's enum codes, as bureau exports print them.</summary>
internal static class EnumLabels
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["M"] = "男", ["F"] = "女",
        ["none"] = "不限", ["junior_high"] = "初中", ["high_school"] = "高中", ["vocational"] = "中专/中技",
        ["associate"] = "大专", ["bachelor"] = "本科", ["master"] = "硕士", ["doctorate"] = "博士",
        ["public_service"] = "公共就业服务", ["online"] = "网络招聘", ["job_fair"] = "招聘会", ["other"] = "其他",
        ["unemployed"] = "失业人员", ["new_graduate"] = "应届毕业生", ["migrant_worker"] = "农村劳动者", ["employed_seeking"] = "在业人员",
        ["employee"] = "单位就业", ["flexible"] = "灵活就业", ["self_employed"] = "自主创业", ["public_welfare_post"] = "公益性岗位",
        ["contract_ended"] = "合同到期", ["dismissed"] = "解除合同", ["business_closed"] = "单位关停", ["graduate_unplaced"] = "毕业未就业",
        ["reemployed"] = "实现就业", ["retired"] = "退休", ["moved"] = "迁出",
        ["active"] = "在册", ["transferred_out"] = "转出", ["deceased"] = "死亡",
        ["per_head"] = "按人头", ["percent_of_payroll"] = "按工资比例", ["differential_5"] = "差额征税5%", ["general_6"] = "一般计税6%",
        ["recruitment"] = "招聘", ["training"] = "培训", ["management"] = "管理人员", ["claims"] = "工伤/理赔",
    };

    /// <summary>The Chinese label of a code; a value that is not a known code (a deliberately bad one) stays as it is.</summary>
    public static string ToChinese(string code) => Chinese.GetValueOrDefault(code) ?? FromSchema.GetValueOrDefault(code, code);

    // Datasets added since take their labels from the schema itself (the first label of each code), not from a copy.
    private static readonly Dictionary<string, string> FromSchema = Analytics.Ingest.Schema.Datasets.Wage.All
        .SelectMany(d => d.Columns).Where(c => c.Enum is not null).SelectMany(c => c.Enum!.Codes.Select(code => (code, Label: c.Enum.LabelOf(code))))
        .Where(x => x.Label is not null).DistinctBy(x => x.code).ToDictionary(x => x.code, x => x.Label!);
}
