// Benchmarks: dotnet run -c Release --project bench -- <name> [args]
return args.FirstOrDefault() switch
{
    "ingest" => Analytics.Bench.IngestBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench <name> [args]   names: ingest [rows]");
    return 2;
}
