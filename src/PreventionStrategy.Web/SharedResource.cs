namespace PreventionStrategy.Web;

/// <summary>Marker for the site's one resource set (Resources/SharedResource.resx is Danish, .en.resx English).</summary>
public sealed class SharedResource
{
}
