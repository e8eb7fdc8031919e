namespace Analytics.Reports.Model;

/// <summary>What a rise of a figure means for the people it counts, which decides the colour of its ▲/▼.</summary>
public enum Increase
{
    /// <summary>Neither good nor bad in itself (supply, payroll, retirees): the arrow is shown in a neutral colour.</summary>
    Neutral,
    /// <summary>More is better (vacancies, new employment, re-employment, margin).</summary>
    Good,
    /// <summary>More is worse (new unemployment registrations, registered unemployed, overdue receivables).</summary>
    Bad,
}
