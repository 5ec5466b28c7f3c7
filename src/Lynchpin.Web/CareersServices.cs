namespace Lynchpin.Web;

/// <summary>The careers, CPD and pay areas' services, registered in one place so the list in LynchpinApp stays short.</summary>
public static class CareersServices
{
    public static IServiceCollection AddCareersServices(this IServiceCollection services)
    {
        services.AddScoped<Core.Careers.CareerStandards>();
        services.AddScoped<Core.Careers.CareerProfiles>();
        services.AddScoped<Core.Careers.CareersOverview>();
        services.AddScoped<Core.Careers.StandardAssessments>();
        services.AddScoped<Core.Careers.StandardSetEditor>();
        services.AddScoped<Core.Careers.PersonQualifications>();
        services.AddScoped<Core.Careers.CareerSteps>();
        services.AddScoped<Core.Cpd.CpdActivities>();
        services.AddScoped<Core.Cpd.CpdRequests>();
        services.AddScoped<Core.Cpd.CpdBudgets>();
        services.AddScoped<Core.Cpd.CpdEvaluations>();
        services.AddScoped<Core.Cpd.DevelopmentQueries>();
        services.AddScoped<Core.Cpd.CpdTasks>();
        services.AddScoped<Core.Cpd.CpdCalendar>();
        services.AddScoped<Core.Pay.ParityData>();
        services.AddScoped<Core.Pay.ParityReports>();
        services.AddScoped<Core.Pay.PayRecords>();
        services.AddScoped<Core.Staff.StaffSchools>();
        return services;
    }
}
