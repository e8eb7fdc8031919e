namespace Analytics.Ingest.Demo.Reference;

/// <summary>
/// A medium group (<c>x-xx</c>) of the 2022 national occupation classification with its wage level,
/// its labour-market balance and the industry most of its jobs are in.
/// Balance &gt; 1 means employers want more of these people than register as job seekers.
/// </summary>
internal sealed record OccupationGroup(string Code, string Name, double MedianWage, double Balance, string Industry, string DetailedNames);

/// <summary>A detailed occupation <c>x-xx-xx-xx</c>.</summary>
internal sealed record Occupation(string Code, string Name, OccupationGroup Group, double WageFactor, double Popularity, double Balance)
{
    public int MajorGroup => Code[0] - '0';
}

/// <summary>
/// The demo occupations: real medium groups of the 2022 classification, each with detailed occupation
/// names from that classification. Minor and detailed numbers are assigned in list order (five per
/// minor group), so codes have the right shape but are not the official ones.
/// </summary>
internal static class Occupations
{
    public static readonly IReadOnlyList<OccupationGroup> Groups =
    [
        new("2-01", "科学研究人员", 13000, 0.9, "M73", "经济学研究人员 法学研究人员 社会学研究人员 数学研究人员 物理学研究人员 化学研究人员 生物学研究人员 农业科学研究人员 医学研究人员"),
        new("2-02", "工程技术人员", 12500, 1.6, "M74", "地质勘探工程技术人员 测绘和地理信息工程技术人员 化工工程技术人员 机械设计工程技术人员 机械制造工程技术人员 仪器仪表工程技术人员 自动控制工程技术人员 汽车工程技术人员 电子工程技术人员 通信工程技术人员 计算机硬件工程技术人员 计算机软件工程技术人员 计算机网络工程技术人员 信息系统分析工程技术人员 人工智能工程技术人员 集成电路工程技术人员 电气工程技术人员 建筑工程技术人员 土木工程技术人员 环境保护工程技术人员 安全工程技术人员 质量管理工程技术人员 工业工程技术人员 新能源汽车工程技术人员"),
        new("2-03", "农业技术人员", 8000, 1.0, "A05", "土壤肥料技术人员 农业技术指导人员 植物保护技术人员 园艺技术人员 畜牧技术人员 兽医兽药技术人员"),
        new("2-05", "卫生专业技术人员", 11000, 1.3, "Q84", "内科医师 外科医师 儿科医师 妇产科医师 口腔科医师 全科医师 中医内科医师 药师 内科护士 外科护士 社区护士 影像技师 临床检验技师 康复技师"),
        new("2-06", "经济和金融专业人员", 10500, 0.55, "J66", "经济专业人员 统计专业人员 会计专业人员 审计专业人员 税务专业人员 资产评估专业人员 银行业务专业人员 证券专业人员 保险专业人员 理财规划师"),
        new("2-07", "法律、社会和宗教专业人员", 9500, 0.8, "L72", "律师 公证员 法律顾问 社会工作者 心理咨询师"),
        new("2-08", "教学人员", 9000, 0.9, "P83", "高等教育教师 中等职业教育教师 中学教育教师 小学教育教师 幼儿教育教师 特殊教育教师 职业培训师"),
        new("2-09", "文学艺术、体育专业人员", 8500, 0.6, "R88", "编剧 导演 演员 舞蹈演员 美术编辑 工艺美术专业人员 体育教练员 视觉传达设计人员 服装设计人员 室内装饰设计人员"),
        new("2-10", "新闻出版、文化专业人员", 8000, 0.5, "R86", "记者 编辑 校对员 播音员 翻译 档案专业人员 图书资料专业人员"),
        new("3-01", "行政办事及辅助人员", 6000, 0.45, "L72", "行政业务办理人员 行政事务处理人员 秘书 公关员 收发员 打字员 计算机操作员 制图员"),
        new("3-02", "安全和消防及辅助人员", 5500, 1.3, "L72", "保卫管理员 消防员 消防设施操作员 安全员 保安员 安检员 智能楼宇管理员"),
        new("3-03", "法律事务及辅助人员", 6500, 0.7, "L72", "书记员 法律援助人员 人民调解员 律师助理"),
        new("4-01", "批发与零售服务人员", 6000, 1.1, "F51", "采购员 营销员 电子商务师 商品营业员 收银员 摊商 医药商品购销员 二手车经纪人 供应链管理师 互联网营销师"),
        new("4-02", "交通运输、仓储物流和邮政业服务人员", 6800, 1.5, "G54", "道路客运汽车驾驶员 道路货运汽车驾驶员 城市轨道交通列车司机 出租汽车驾驶员 网约车驾驶员 装卸搬运工 仓储管理员 理货员 物流服务师 快递员 快件处理员 邮件分拣员 网约配送员"),
        new("4-03", "住宿和餐饮服务人员", 4800, 1.2, "H62", "前厅服务员 客房服务员 中式烹调师 中式面点师 西式烹调师 西式面点师 餐厅服务员 茶艺师 咖啡师 营养配餐员 调酒师"),
        new("4-04", "信息传输、软件和信息技术服务人员", 12000, 1.9, "I65", "信息通信网络运行管理员 网络与信息安全管理员 信息通信信息化系统管理员 计算机程序设计员 计算机软件测试员 人工智能训练师 数据标注员 物联网安装调试员 云计算运维员 区块链应用操作员 呼叫中心服务员"),
        new("4-05", "金融服务人员", 7500, 0.6, "J66", "银行综合柜员 银行信贷员 银行客户业务员 证券交易员 保险代理人 保险理赔员 信用管理师"),
        new("4-06", "房地产服务人员", 6200, 0.5, "K70", "房地产经纪人 物业管理员 房地产策划师 中央空调系统运行操作员"),
        new("4-07", "租赁和商务服务人员", 6500, 0.7, "L72", "企业人力资源管理师 劳动关系协调员 职业指导员 商务策划师 会展设计师 市场调查员 广告设计师 客户服务管理员 创业指导师"),
        new("4-08", "技术辅助服务人员", 6800, 1.0, "M74", "气象观测员 水文勘测工 化学检验员 质检员 计量员 工程测量员 地图绘制员 环境监测员"),
        new("4-09", "水利、环境和公共设施管理服务人员", 5000, 1.0, "N78", "河道修防工 水土保持员 保洁员 生活垃圾清运工 园林绿化工 污水处理工 环境卫生管理员"),
        new("4-10", "居民服务人员", 5200, 1.8, "O80", "育婴员 保育员 家政服务员 养老护理员 孤残儿童护理员 美容师 美发师 保健按摩师 洗衣师 殡仪服务员 婚姻家庭咨询师"),
        new("4-11", "电力、燃气及水供应服务人员", 6500, 1.0, "D44", "供电服务员 抄表核算收费员 燃气供应服务员 水供应服务员 用电检查员"),
        new("4-12", "修理及制作服务人员", 6200, 1.4, "O81", "汽车维修工 摩托车修理工 计算机维修工 家用电器产品维修工 通信设备维修员 钟表维修工 锁具修理工 自行车与电动车维修工"),
        new("4-13", "文化和教育服务人员", 5800, 0.8, "P83", "图书资料业务员 讲解员 文物修复师 社会体育指导员 游泳救生员 研学旅行指导师"),
        new("4-14", "健康、体育和休闲服务人员", 5600, 1.4, "Q84", "健康管理师 公共营养师 康复辅助技术咨询师 健身教练 导游 旅游团队领队 保健调理师 医疗护理员 眼镜验光员"),
        new("5-01", "农业生产人员", 4500, 1.0, "A01", "大田作物生产员 蔬菜园艺工 果树园艺工 茶园管理工 食用菌生产工 农艺工 热带作物生产工"),
        new("5-02", "林业生产人员", 4300, 1.0, "A02", "林木种苗工 造林更新工 护林员 森林消防员"),
        new("5-03", "畜牧业生产人员", 4700, 1.0, "A03", "家畜繁殖员 家畜饲养员 家禽饲养员 经济昆虫养殖员"),
        new("5-04", "渔业生产人员", 5000, 1.0, "A04", "水生动物苗种繁育工 水产养殖工 水生动物饲养工 渔业船员"),
        new("5-05", "农林牧渔业生产辅助人员", 4800, 1.0, "A05", "农业技术员 农机驾驶操作员 农机修理工 沼气工 动物疫病防治员 农业经理人"),
        new("6-01", "农副产品加工人员", 5000, 1.1, "C13", "制米工 制粉工 制油工 饲料加工工"),
        new("6-02", "食品、饮料生产加工人员", 5200, 1.2, "C14", "糕点面包烘焙工 糖果巧克力制造工 乳品加工工 肉制品加工工 酿酒师 饮料制作工 茶叶加工工 罐头食品加工工"),
        new("6-04", "纺织、针织、印染人员", 5200, 1.2, "C17", "纺纱工 织布工 针织工 印染工 纺织纤维梳理工"),
        new("6-05", "纺织品、服装和皮革、毛皮制品加工制作人员", 5400, 1.3, "C18", "服装制版师 裁剪工 缝纫工 缝纫品整型工 皮革加工工 鞋类制作工 箱包制作工"),
        new("6-11", "石油加工和炼焦、煤化工生产人员", 7000, 1.0, "C25", "石油炼制工 炼焦煤制备工 煤制气工"),
        new("6-12", "化学原料和化学制品制造人员", 6800, 1.1, "C26", "化工原料准备工 化工单元操作工 化工总控工 涂料生产工 胶粘剂生产工 日用化学用品配制工"),
        new("6-13", "医药制造人员", 6800, 1.1, "C27", "化学合成制药工 药物制剂工 中药炮制工 生物药品制造工"),
        new("6-18", "机械制造基础加工人员", 7200, 2.0, "C33", "车工 铣工 刨插工 磨工 镗工 钻床工 多工序数控机床操作调整工 焊工 铸造工 锻造工 冲压工 金属热处理工 电切削工 模具工 下料工"),
        new("6-20", "通用设备制造人员", 7000, 1.7, "C34", "装配钳工 工具钳工 机修钳工 电梯安装维修工 锅炉设备装配工 制冷空调设备装配工 工业机器人系统操作员 工业机器人系统运维员"),
        new("6-22", "汽车制造人员", 7300, 1.7, "C36", "汽车生产线操作调整工 汽车饰件制造工 汽车零部件再制造工 汽车装调工 汽车涂装工"),
        new("6-24", "电气机械和器材制造人员", 6600, 1.5, "C38", "电机制造工 变压器互感器制造工 电线电缆制造工 电池制造工 家用电器装配工 灯具制造工"),
        new("6-25", "计算机、通信和其他电子设备制造人员", 6500, 1.8, "C39", "电子专用设备装调工 电子元器件检验员 半导体芯片制造工 半导体分立器件和集成电路装调工 液晶显示器件制造工 印制电路制作工 计算机及外部设备装配调试员 通信系统设备制造工 电子产品制版工"),
        new("6-28", "电力、热力、气体、水生产和输配人员", 7200, 1.0, "D44", "锅炉运行值班员 汽轮机运行值班员 变配电运行值班员 送配电线路工 风电运维值班员 水供应输排工"),
        new("6-29", "建筑施工人员", 7500, 1.3, "E47", "砌筑工 混凝土工 钢筋工 架子工 防水工 装饰装修工 电气设备安装工 管工 建筑门窗幕墙安装工 古建筑工"),
        new("6-30", "运输设备和通用工程机械操作人员及有关人员", 7000, 1.3, "E48", "起重装卸机械操作工 挖掘铲运和桩工机械司机 中小型施工机械操作工 筑路机械操作工 叉车司机"),
        new("6-31", "生产辅助人员", 5600, 1.2, "C34", "设备点检员 电工 仪器仪表维修工 锅炉操作工 无损检测员 试验员 称重计量工 包装工"),
    ];

    public static readonly IReadOnlyList<Occupation> All = Build();

    private static List<Occupation> Build()
    {
        var random = DemoRandom.For("occupations");
        var list = new List<Occupation>();
        foreach (var group in Groups)
        {
            var names = group.DetailedNames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < names.Length; i++)
            {
                var code = $"{group.Code}-{i / 5 + 1:00}-{i % 5 + 1:00}";
                // Occupation-level spread around the group: some occupations pay more, some are much more common.
                double wageFactor = random.Between(0.85, 1.2);
                double groupVolume = group.Code[0] is '4' or '6' ? 2.0 : 1.0; // service and production jobs dominate registrations
                double balance = group.Balance * random.LogNormal(1.0, 0.25);
                list.Add(new Occupation(code, names[i], group, wageFactor, groupVolume, balance));
            }
        }
        // Zipf-like popularity over a shuffled order: a few occupations carry most registrations.
        var order = random.Shuffled(Enumerable.Range(0, list.Count));
        for (int rank = 0; rank < order.Length; rank++)
        {
            var o = list[order[rank]];
            list[order[rank]] = o with { Popularity = o.Popularity / Math.Pow(rank + 1, 0.9) };
        }
        return list;
    }

    /// <summary>Who employers ask for: popularity × balance.</summary>
    public static readonly WeightedChoice<Occupation> Demand = new(All.Select(o => (o, o.Popularity * o.Balance)));

    /// <summary>Who registers looking for work: popularity ÷ balance.</summary>
    public static readonly WeightedChoice<Occupation> Supply = new(All.Select(o => (o, o.Popularity / o.Balance)));

    /// <summary>Who gets hired (the wage sample): popularity alone.</summary>
    public static readonly WeightedChoice<Occupation> Placements = new(All.Select(o => (o, o.Popularity)));

    /// <summary>Median monthly wage of an occupation in a city and year (2026 is about 3.5 % above 2025).</summary>
    public static double MedianWage(Occupation occupation, CityEconomy city, int year) =>
        occupation.Group.MedianWage * occupation.WageFactor * city.WageFactor * (year >= 2026 ? 1.035 : 1.0);
}
