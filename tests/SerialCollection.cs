using Xunit;

namespace Analytics.Tests;

/// <summary>Tests that measure the whole process (memory, timing) run alone, not beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
