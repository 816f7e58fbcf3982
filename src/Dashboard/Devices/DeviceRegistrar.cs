using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IotService.Contracts.Customers;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Devices;

/// <summary>Registers devices: issues secret and activation code, creates the grain, tells ingest at once.</summary>
public sealed partial class DeviceRegistrar(IGrainFactory grains, DeviceDirectory directory, TimeProvider time)
{
    // No I, O, 0, 1: activation codes are typed from labels.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <param name="presetSecret">Used by the demo seed so the simulator can derive secrets again after a restart; null issues a random one.</param>
    public async Task<RegisteredDevice> RegisterAsync(RegisterDeviceRequest request, string? presetSecret = null, CancellationToken cancellationToken = default)
    {
        var id = string.IsNullOrEmpty(request.Id) ? "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) : request.Id;
        var errors = new ValidationErrors();
        errors.Require(DeviceIdPattern().IsMatch(id), "id", "1–64 characters: letters, digits, '.', '_', ':', '-'");
        errors.Require(!string.IsNullOrEmpty(request.ModelId) && directory.TryGetModel(request.ModelId, out _), "modelId", $"no device model '{request.ModelId}'");
        errors.Require(request.Location is null || request.Location.IsValid, "location", "lat must be within ±90 and lon within ±180");
        if (!string.IsNullOrEmpty(request.CustomerId) && !Ids.IsValid(request.CustomerId))
        {
            errors.Add("customerId", $"no customer '{request.CustomerId}'");
        }
        else if (!string.IsNullOrEmpty(request.CustomerId))
        {
            var customer = await grains.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync();
            errors.Require(customer is not null, "customerId", $"no customer '{request.CustomerId}'");
        }

        errors.ThrowIfAny();

        var secret = presetSecret ?? SecretHasher.NewSecret();
        var registration = new DeviceRegistration(
            id, request.ModelId, string.IsNullOrEmpty(request.CustomerId) ? null : request.CustomerId, request.Location,
            SecretHasher.Hash(secret), NewActivationCode(), time.GetUtcNow(), request.Name);
        await Ids.CreateAsync(() => grains.GetGrain<IDeviceGrain>(id).RegisterAsync(registration));

        directory.Upsert(new DeviceEntry(id, registration.ModelId, registration.CustomerId, registration.SecretHash));
        return new RegisteredDevice(id, secret, registration.ActivationCode);
    }

    private static string NewActivationCode()
    {
        Span<char> code = stackalloc char[12];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return new string(code);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
