// Benchmarks: dotnet run -c Release --project bench -- <name> [options]
return args.FirstOrDefault() switch
{
    "rankings" => Analytics.Bench.RankingsBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: analytics-bench rankings [--dir DIR] [--rows N]");
    return 2;
}
