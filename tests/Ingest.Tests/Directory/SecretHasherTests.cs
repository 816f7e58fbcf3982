using IotService.Ingest.Directory;

namespace IotService.Ingest.Tests.Directory;

public sealed class SecretHasherTests
{
    [Fact]
    public void HashVerifiesTheSecretAndNothingElse()
    {
        var secret = SecretHasher.NewSecret();
        var hash = SecretHasher.Hash(secret);

        Assert.True(SecretHasher.Verify(secret, hash));
        Assert.False(SecretHasher.Verify(secret + "x", hash));
        Assert.False(SecretHasher.Verify("", hash));
        Assert.False(SecretHasher.Verify(null, hash));
        Assert.False(SecretHasher.Verify(secret, "sha256$not base64$x"));
        Assert.False(SecretHasher.Verify(secret, "md5$a$b"));
    }

    [Fact]
    public void SameSecretHashesDifferentlyEachTimeBecauseOfTheSalt()
    {
        var secret = SecretHasher.NewSecret();

        Assert.NotEqual(SecretHasher.Hash(secret), SecretHasher.Hash(secret));
        Assert.DoesNotContain(secret, SecretHasher.Hash(secret), StringComparison.Ordinal);
    }

    [Fact]
    public void NewSecretsAreLongAndUrlSafe()
    {
        var secret = SecretHasher.NewSecret();

        Assert.Equal(43, secret.Length);
        Assert.All(secret, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
