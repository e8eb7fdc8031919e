using Analytics.Ingest.Schema;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>compliance-and-statistics.md B.6: every column the new statistics read exists in ingest/Schema/Datasets.cs, and the one rule to add is there.</summary>
public class StatisticsColumnCheckTests
{
    [Theory]
    [InlineData("jobseekers", "gender", "birth_year", "category", "education", "registered_on", "region_code")]
    [InlineData("vacancies", "education_min", "industry_code", "positions", "registered_on", "region_code")]
    [InlineData("unemployment", "person_id", "registered_on", "ended_on", "ui_months", "ui_monthly_amount")]
    [InlineData("employment", "person_id", "employed_on")]
    [InlineData("retirees", "retired_on", "status", "status_on")]
    public void The_columns_the_figures_read_exist(string dataset, params string[] columns)
    {
        var schema = Datasets.Find(dataset).ShouldNotBeNull();
        foreach (var column in columns) schema.Columns.ShouldContain(c => c.Name == column, $"{dataset}.{column}");
    }

    [Fact]
    public void Person_ids_of_unemployment_and_employment_are_hashed_alike_so_they_join()
    {
        var unemployment = Datasets.Unemployment.Columns[Datasets.Unemployment.IndexOf("person_id")];
        var employment = Datasets.Employment.Columns[Datasets.Employment.IndexOf("person_id")];
        (unemployment.Kind, employment.Kind).ShouldBe((ColumnKind.PersonId, ColumnKind.PersonId));
    }

    [Fact]
    public void Vacancies_carry_no_gender_or_age_and_retirees_keep_status_on_after_retirement()
    {
        Datasets.Vacancies.Columns.ShouldNotContain(c => c.Name == "gender" || c.Name == "birth_year");
        Datasets.Retirees.Rules.ShouldContain(r => r is NotBefore && r.Name == "status_on >= retired_on");
    }
}
