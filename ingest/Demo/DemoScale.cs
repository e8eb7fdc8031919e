namespace Analytics.Ingest.Demo;

/// <summary>Multiplies the base row counts (scale 1 ≈ 100,000 labour-market rows). Fractions are allowed for fast tests.</summary>
internal readonly record struct DemoScale(double Factor)
{
    public int Rows(int baseCount) => Math.Max(1, (int)Math.Round(baseCount * Factor, MidpointRounding.AwayFromZero));
}
