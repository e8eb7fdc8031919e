using Analytics.Dashboards.Cli;

return await AnalyticsCommandLine.RunAsync(args);
