using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;

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
        var error = Assert.Throws<MaestroQAInputException>(() => new ApiToken(token));

        Assert.Equal(InputProblem.InvalidToken, error.Problem);
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
        var error = Assert.Throws<MaestroQAInputException>(() => new MaestroQAClientOptions(new ApiToken("mqa-test-token-0001"), new Uri(uri)));

        // One wording, the one users see from Connect-Mqa and New-MqaSession (the engine's own said it otherwise).
        Assert.Equal(InputProblem.InvalidBaseUri, error.Problem);
        Assert.Equal($"The base URI must not hold {parts}: give the API's address alone, such as 'https://app.maestroqa.com/api/v1/'.", error.Message);
        Assert.Equal("https://app.maestroqa.com/api/v1/", error.Value);
    }

    [Fact]
    public void APlainBaseUri_HoldsNothingForbidden() =>
        Assert.Equal(new Uri("https://app.maestroqa.com/api/v1/"), BaseUris.Checked(new Uri("https://app.maestroqa.com/api/v1")));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyToken_IsRefused_SayingWhereTokensAreMade(string token)
    {
        var error = Assert.Throws<MaestroQAInputException>(() => new ApiToken(token));

        Assert.Equal(InputProblem.EmptyToken, error.Problem);
        Assert.Equal("The API token is empty. Create one in MaestroQA under Other Settings > API Tokens (in Rippit: Other Settings > API Keys).", error.Message);
    }
}
