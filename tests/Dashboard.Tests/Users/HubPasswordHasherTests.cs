using System.Buffers.Binary;
using System.Security.Cryptography;
using IotService.Dashboard.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Users;

public sealed class HubPasswordHasherTests
{
    private static readonly HubUser User = new() { Username = "u" };
    private readonly HubPasswordHasher _hasher = new(Options.Create(new PasswordHasherOptions()));

    [Fact]
    public void NewHashesAreIdentitysVersion3AtItsDefaultIterationCount()
    {
        var hash = Convert.FromBase64String(_hasher.HashPassword(User, "correct horse"));

        Assert.Equal(0x01, hash[0]);
        Assert.Equal(new PasswordHasherOptions().IterationCount, (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.True(new PasswordHasherOptions().IterationCount >= 100_000);
    }

    [Fact]
    public void AHashVerifiesOnlyItsOwnPassword()
    {
        var hash = _hasher.HashPassword(User, "correct horse");

        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(User, hash, "correct horse"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, hash, "Correct horse"));
    }

    [Fact]
    public void AnOldPbkdf2HashVerifiesOnceAndAsksToBeReplaced()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var old = $"pbkdf2$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2("demo", salt, 100_000, HashAlgorithmName.SHA256, 32))}";

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hasher.VerifyHashedPassword(User, old, "demo"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, old, "Demo"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, "pbkdf2$x$y$z", "demo"));
    }
}
