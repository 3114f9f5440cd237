package dev.outreachpipeline.replies;

import jakarta.mail.BodyPart;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The text of a received message: its first text/plain part (looked for through nested multiparts,
 * attachments left alone), or else (none, or an empty one) its first text/html part with the tags taken out. At most
 * {@link #MAX_BYTES} are read; an empty text, or a part that cannot be read, gives null, never an error, unless the
 * connection is lost.
 */
final class MessageBody {

    static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_DEPTH = 5;
    private static final int MAX_PARTS = 20;

    private static final Pattern BLOCK_END = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6])\\b[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    /** Outlook's HTML quotes the history after this divider; the text version says "From: … Sent: …". */
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*");

    private MessageBody() {}

    static String text(Part message) throws MessagingException {
        try {
            String plain = find(message, "text/plain", 0);
            String text = plain != null && !plain.isBlank() ? plain : htmlText(find(message, "text/html", 0));
            return text == null || text.isBlank() ? null : text;
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String find(Part part, String type, int depth) throws MessagingException, IOException {
        ContentType ct = contentType(part);
        if (ct == null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
            return null;
        }
        if (ct.match(type)) {
            return read(part, ct);
        }
        if (ct.match("multipart/*") && depth < MAX_DEPTH && part.getContent() instanceof Multipart parts) {
            int count = Math.min(parts.getCount(), MAX_PARTS);
            for (int i = 0; i < count; i++) {
                BodyPart child = parts.getBodyPart(i);
                String found = find(child, type, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String read(Part part, ContentType ct) throws MessagingException, IOException {
        Charset charset;
        try {
            String name = ct.getParameter("charset");
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name.trim());
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_BYTES), charset);
        }
    }

    private static String htmlText(String html) {
        if (html == null) {
            return null;
        }
        String t = HIDDEN.matcher(html).replaceAll(" ");
        t = BLOCKQUOTE.matcher(t).replaceAll(" ");
        t = BLOCK_END.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll(" ");
        return StringEscapeUtils.unescapeHtml4(t);
    }

    private static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            return value == null ? new ContentType("text/plain") : new ContentType(value);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
