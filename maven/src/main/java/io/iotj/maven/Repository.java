package io.iotj.maven;

/**
 * A remote repository to resolve from, besides Maven Central and those of the user's settings.
 *
 * @param id  its id (mirrors and server credentials in settings.xml refer to it)
 * @param url its URL
 */
public record Repository(String id, String url) {
}
