using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IotService.Contracts.Customers;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using IotService.Ingest.Directory;
using IotService.Ingest.Mqtt.Accounts;

namespace IotService.Dashboard.Devices;

/// <summary>
/// Registers devices: issues secret and activation code, creates the device's account at an external broker, creates
/// the grain, tells ingest at once. The broker goes first so that a device never exists without a way to connect: if
/// it cannot confirm, nothing is created (503); if the grain then fails, the account is deleted again.
/// </summary>
public sealed partial class DeviceRegistrar(IGrainFactory grains, DeviceDirectory directory, DirectoryWriter directoryWriter, IDirectoryFallback directoryFallback, IBrokerAccounts brokerAccounts, TimeProvider time, ILogger<DeviceRegistrar> logger)
{
    // No I, O, 0, 1: activation codes are typed from labels.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <param name="presetSecret">Used by the demo seed so the simulator can derive secrets again after a restart; null issues a random one.</param>
    public async Task<RegisteredDevice> RegisterAsync(RegisterDeviceRequest request, string? presetSecret = null, CancellationToken cancellationToken = default)
    {
        var id = string.IsNullOrEmpty(request.Id) ? "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) : request.Id;
        var errors = new ValidationErrors();
        errors.Require(DeviceIdPattern().IsMatch(id), "id", "1–64 characters: letters, digits, '.', '_', ':', '-'");
        // In a cluster a model saved on another hub a moment ago may not be in this hub's directory yet: ingest's
        // read-through finds it in the shared catalog (with one hub a miss is final).
        errors.Require(!string.IsNullOrEmpty(request.ModelId) && (directory.TryGetModel(request.ModelId, out _) || await directoryFallback.FindModelAsync(request.ModelId, cancellationToken)), "modelId", $"no device model '{request.ModelId}'");
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
        await CreateBrokerAccountAsync(id, secret);
        try
        {
            await Ids.CreateAsync(() => grains.GetGrain<IDeviceGrain>(id).RegisterAsync(registration));
        }
        catch
        {
            await DeleteBrokerAccountAsync(id);
            throw;
        }

        directoryWriter.Upsert(new DeviceEntry(id, registration.ModelId, registration.CustomerId, registration.SecretHash));
        return new RegisteredDevice(id, secret, registration.ActivationCode);
    }

    // Not the request's token: a client that hangs up must not leave an account the broker created but the hub never learnt of.
    private async Task CreateBrokerAccountAsync(string id, string secret)
    {
        try
        {
            await brokerAccounts.CreateDeviceAsync(id, secret, CancellationToken.None);
        }
        catch (BrokerAccountExistsException ex)
        {
            throw new ConflictException(ex.Message);
        }
    }

    /// <summary>Best effort, while another failure is on its way to the caller: that one must not be masked by this.</summary>
    private async Task DeleteBrokerAccountAsync(string id)
    {
        try
        {
            await brokerAccounts.DeleteDeviceAsync(id, CancellationToken.None);
        }
        catch (BrokerUnavailableException ex)
        {
            LogBrokerAccountLeft(id, ex.Message);
        }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Registration of device {DeviceId} failed and its broker account could not be deleted; delete it at the broker: {Error}")]
    private partial void LogBrokerAccountLeft(string deviceId, string error);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
