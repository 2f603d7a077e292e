using MaestroQA.Client.Configuration;

namespace MaestroQA.Client.Tests.Configuration;

/// <summary>What a token and a base URI may not hold.</summary>
public sealed class TokenAndBaseUriTests
{
    [Theory]
    [InlineData("abc\r\nX-Evil: 1")]
    [InlineData("abc\u0000def")]
    [InlineData("abc\tdef")]
    public void ATokenWithAControlCharacter_IsRefused_WithoutShowingIt(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiToken(token));

        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:pw@app.maestroqa.com/api/v1/", "a user name or password")]
    [InlineData("https://app.maestroqa.com/api/v1/?sig=x", "a query")]
    [InlineData("https://app.maestroqa.com/api/v1/#top", "a fragment")]
    [InlineData("https://user:pw@app.maestroqa.com/api/v1/?sig=x", "a user name or password and a query")]
    public void ABaseUriWithUserInfoAQueryOrAFragment_IsRefused_AndShownWithout(string uri, string parts)
    {
        var error = Assert.Throws<ArgumentException>(() => new MaestroQAClientOptions(new ApiToken("mqa-test-token-0001"), new Uri(uri)));

        Assert.Equal($"The base URI 'https://app.maestroqa.com/api/v1/' must not hold {parts}. (Parameter 'baseUri')", error.Message);
        Assert.Equal(parts, MaestroQAClientOptions.ForbiddenParts(new Uri(uri)));
    }

    [Fact]
    public void APlainBaseUri_HoldsNothingForbidden() =>
        Assert.Null(MaestroQAClientOptions.ForbiddenParts(new Uri("https://app.maestroqa.com/api/v1/")));
}
