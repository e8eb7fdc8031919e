using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets.Dispatch;

/// <summary>
/// One worker's monthly settlement. Every amount is rounded to the fen on its own, and net_pay and
/// billed_total are sums of those rounded amounts, so both identities of datasets.md hold exactly.
/// </summary>
internal sealed record Payslip(
    decimal Gross, decimal SiBase,
    decimal EmployerPension, decimal EmployerMedical, decimal EmployerUnemployment, decimal EmployerInjury,
    decimal EmployerMaternity, decimal EmployerHousingFund,
    decimal PersonalPension, decimal PersonalMedical, decimal PersonalUnemployment, decimal PersonalHousingFund,
    decimal IncomeTax, decimal NetPay, decimal? CommercialInsurance, decimal? DisabilityFund, decimal ServiceFee, decimal BilledTotal)
{
    // Contribution rates (typical 2025 figures for these provinces; the employer injury rate depends on the industry).
    private const decimal EmployerPensionRate = 0.16m, EmployerMedicalRate = 0.065m, EmployerUnemploymentRate = 0.005m,
        EmployerMaternityRate = 0.008m, PersonalPensionRate = 0.08m, PersonalMedicalRate = 0.02m, PersonalUnemploymentRate = 0.005m;
    private const decimal TaxThreshold = 5000m, DisabilityFundRate = 0.01m;

    public static Payslip For(DispatchProject project, decimal gross)
    {
        var insurance = Regions.Provinces[project.Region.ProvinceCode];
        // Declaring the statutory floor instead of the real wage is the non-compliance the si_base_low alert looks for.
        decimal siBase = project.DeclaresMinimumBase ? insurance.BaseFloor : Math.Clamp(gross, insurance.BaseFloor, insurance.BaseCeiling);
        decimal housingBase = Math.Min(gross, insurance.BaseCeiling);

        decimal ePension = R(siBase * EmployerPensionRate), eMedical = R(siBase * EmployerMedicalRate),
            eUnemployment = R(siBase * EmployerUnemploymentRate), eInjury = R(siBase * project.InjuryRate),
            eMaternity = R(siBase * EmployerMaternityRate), eHousing = R(housingBase * project.HousingFundRate);
        decimal pPension = R(siBase * PersonalPensionRate), pMedical = R(siBase * PersonalMedicalRate),
            pUnemployment = R(siBase * PersonalUnemploymentRate), pHousing = eHousing;
        decimal tax = MonthlyIncomeTax(gross - pPension - pMedical - pUnemployment - pHousing - TaxThreshold);
        decimal net = gross - pPension - pMedical - pUnemployment - pHousing - tax;

        decimal? commercial = project.CommercialInsurance;
        decimal? disability = project.PassesDisabilityFund ? R(gross * DisabilityFundRate) : null;
        decimal fee = project.FeeModel == "per_head" ? project.FeeRate : R(gross * project.FeeRate / 100m);
        decimal billed = gross + ePension + eMedical + eUnemployment + eInjury + eMaternity + eHousing
            + (commercial ?? 0m) + (disability ?? 0m) + fee;

        return new Payslip(gross, siBase, ePension, eMedical, eUnemployment, eInjury, eMaternity, eHousing,
            pPension, pMedical, pUnemployment, pHousing, tax, net, commercial, disability, fee, billed);
    }

    /// <summary>The monthly withholding table for wages (综合所得月度税率表) applied to the month's taxable income.</summary>
    public static decimal MonthlyIncomeTax(decimal taxable)
    {
        if (taxable <= 0) return 0m;
        (decimal rate, decimal deduction) = taxable switch
        {
            <= 3000m => (0.03m, 0m),
            <= 12000m => (0.10m, 210m),
            <= 25000m => (0.20m, 1410m),
            <= 35000m => (0.25m, 2660m),
            <= 55000m => (0.30m, 4410m),
            <= 80000m => (0.35m, 7160m),
            _ => (0.45m, 15160m),
        };
        return R(taxable * rate - deduction);
    }

    public object?[] Row(DateOnly month, string projectId, string workerId, DateOnly contractStart, DateOnly contractEnd) =>
    [
        Formats.Month(month), projectId, workerId, contractStart, contractEnd, Gross, SiBase,
        EmployerPension, EmployerMedical, EmployerUnemployment, EmployerInjury, EmployerMaternity, EmployerHousingFund,
        PersonalPension, PersonalMedical, PersonalUnemployment, PersonalHousingFund, IncomeTax, NetPay,
        CommercialInsurance, DisabilityFund, ServiceFee, BilledTotal,
    ];

    private static decimal R(decimal value) => Formats.Round2(value);
}
