using Analytics.Bench;

// One subcommand per benchmark; each prints its figures and the machine it ran on.
var benches = new Dictionary<string, Func<string[], int>>
{
    ["reader"] = ReaderBench.Run,
    ["reader-columns"] = ReaderColumnsBench.Run,
    ["arrow"] = ArrowBench.Run,
    ["rankings"] = RankingsBench.Run,
    ["overview"] = OverviewBench.Run,
    ["wage"] = WageBench.Run,
    ["ingest"] = IngestBench.Run,
    ["load"] = LoadBench.Run,
    ["hostile-load"] = HostileLoad.Run,
    // The load bench's own child process, holding the wall pages' client side.
    ["circuits"] = CircuitClients.Run,
};

if (args.Length == 0 || !benches.TryGetValue(args[0], out var bench))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench -- <{string.Join('|', benches.Keys)}> [options]");
    return 2;
}
if (args[0] != "circuits") Console.WriteLine(Machine.Describe());
return bench(args[1..]);
