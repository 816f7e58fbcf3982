using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Dashboard.Live;

public static class ObserverRegistration
{
    /// <summary>
    /// Registers the hub's implementation of a grain observer as one singleton reachable by both types, replacing the
    /// grains' null implementation whichever was registered first.
    /// </summary>
    public static IServiceCollection AddObserver<TObserver, TImplementation>(this IServiceCollection services)
        where TObserver : class
        where TImplementation : class, TObserver
    {
        services.AddSingleton<TImplementation>();
        services.RemoveAll<TObserver>();
        services.AddSingleton<TObserver>(sp => sp.GetRequiredService<TImplementation>());
        return services;
    }
}
