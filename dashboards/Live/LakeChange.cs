namespace Analytics.Dashboards.Live;

/// <summary>What a committed batch changed: the datasets it touched, its id and when it committed.</summary>
public sealed record LakeChange(IReadOnlyList<string> Datasets, string BatchId, DateTimeOffset CommittedAt);
