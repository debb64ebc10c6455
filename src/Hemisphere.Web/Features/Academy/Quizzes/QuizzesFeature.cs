
namespace Hemisphere.Features.Academy.Quizzes;

public static class QuizzesFeature
{
    public static IServiceCollection AddAcademyQuizzes(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<QuizOptions>(config.GetSection("Academy:Quizzes"));
        services.AddScoped<QuizBankService>();
        services.AddScoped<QuizAttemptService>();
        services.AddScoped<GradebookService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAcademyQuizzes(this IEndpointRouteBuilder routes)
    {
        routes.MapQuizzesApi();
        return routes;
    }
}
