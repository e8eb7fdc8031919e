using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>Shared draws for people and employers: age, birth year, gender, education by occupation, employer and industry.</summary>
internal static class Demographics
{
    /// <summary>Education by major group (the demo has occupations of majors 2–6).</summary>
    private static readonly Dictionary<int, WeightedChoice<string>> EducationByMajorGroup = new()
    {
        [2] = new([("bachelor", 55), ("master", 15), ("associate", 20), ("doctorate", 3), ("vocational", 4), ("high_school", 3)]),
        [3] = new([("associate", 40), ("bachelor", 30), ("high_school", 18), ("vocational", 12)]),
        [4] = new([("high_school", 30), ("vocational", 20), ("associate", 25), ("junior_high", 15), ("bachelor", 10)]),
        [5] = new([("junior_high", 60), ("high_school", 22), ("vocational", 15), ("associate", 3)]),
        [6] = new([("junior_high", 40), ("vocational", 30), ("high_school", 24), ("associate", 6)]),
    };

    private static readonly WeightedChoice<string> GeneralEducation =
        new([("junior_high", 30), ("high_school", 22), ("vocational", 15), ("associate", 18), ("bachelor", 13), ("master", 2)]);

    public static string Education(Occupation occupation, DemoRandom random) =>
        EducationByMajorGroup[occupation.MajorGroup].Next(random);

    public static string Education(DemoRandom random) => GeneralEducation.Next(random);

    /// <summary>Working age, concentrated in the late twenties to early forties.</summary>
    public static int WorkingAge(DemoRandom random, double mean = 33, double spread = 9) =>
        Math.Clamp((int)Math.Round(mean + spread * random.Normal()), 16, 60);

    /// <summary>A birth year that makes the person <paramref name="age"/> (or, before the birthday, age − 1) on <paramref name="on"/>.</summary>
    public static int BirthYear(int age, DateOnly on) => on.Year - age;

    public static bool Male(DemoRandom random, double shareMale = 0.52) => random.Chance(shareMale);

    /// <summary>An employer of the region: a few large ones and many small ones.</summary>
    public static string EmployerId(Region region, DemoRandom random) =>
        "E" + region.Code + random.Count(40, 9999).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The occupation's industry, sometimes only its section letter, sometimes left blank.</summary>
    public static string? IndustryCode(Occupation occupation, DemoRandom random)
    {
        double x = random.NextDouble();
        return x < 0.05 ? null : x < 0.3 ? occupation.Group.Industry[..1] : occupation.Group.Industry;
    }
}
