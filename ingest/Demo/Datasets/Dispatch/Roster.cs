namespace Analytics.Ingest.Demo.Datasets.Dispatch;

internal sealed class DispatchedWorker(string id, double baseWage, bool shortContracts)
{
    public string Id { get; } = id;
    public double BaseWage { get; } = baseWage;
    public DateOnly ContractStart { get; private set; }
    public DateOnly ContractEnd { get; private set; }

    /// <summary>Signs (or renews) the contract: two years as the law requires, one year where the project cuts corners.</summary>
    public void Sign(DateOnly start)
    {
        ContractStart = start;
        ContractEnd = start.AddYears(shortContracts ? 1 : 2).AddDays(-1);
    }
}

/// <summary>
/// The workers on a project: about 3 % leave each month and the agency recruits back towards the
/// project's target headcount (±10 %).
/// </summary>
internal sealed class Roster(DispatchProject project, ResidentIdIssuer ids, DemoRandom random)
{
    private readonly List<DispatchedWorker> _workers = [];

    public IReadOnlyList<DispatchedWorker> Workers => _workers;

    /// <summary>Moves the roster to <paramref name="month"/>; returns how many workers were recruited.</summary>
    public int Advance(DateOnly month)
    {
        // A project that was already running when the demo period starts brings its workers along:
        // they were hired since the project's start, and recruiting them is not a cost of this month.
        bool carriedOver = _workers.Count == 0 && project.StartOn < month;
        _workers.RemoveAll(_ => random.Chance(0.03));
        int wanted = (int)Math.Round(project.TargetHeadcount * random.Between(0.9, 1.1));
        int joins = Math.Max(0, wanted - _workers.Count);
        var firstDay = project.StartOn > month ? project.StartOn : month;
        for (int i = 0; i < joins; i++)
        {
            var (workerId, _) = ids.Issue(project.Region.Code, Demographics.BirthYear(random.Between(19, 48), firstDay), Demographics.Male(random, 0.6));
            var worker = new DispatchedWorker(workerId,
                random.LogNormal(project.MedianWage, 0.18), project.ShortContracts && random.Chance(0.5));
            worker.Sign(carriedOver
                ? project.StartOn.AddDays(random.Next(month.DayNumber - project.StartOn.DayNumber))
                : firstDay.AddDays(random.Next(10)));
            _workers.Add(worker);
        }
        foreach (var w in _workers)
            while (w.ContractEnd < month) w.Sign(w.ContractEnd.AddDays(1));
        return carriedOver ? 0 : joins;
    }
}
