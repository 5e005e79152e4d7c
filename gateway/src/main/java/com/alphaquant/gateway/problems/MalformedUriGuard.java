package com.alphaquant.gateway.problems;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * Requests refused below Spring get bare answers: a request line Spring cannot parse as a URI (a
 * bad percent-escape, a space, a bare {@code |}) an empty 400 from its Netty adapter, an over-long
 * request line or headers an empty 414 or 431 from Reactor Netty. This handler, placed right after
 * Netty's HTTP decoder, answers them first with a problem body, so every refusal a client sees is
 * one format.
 */
@Component
class MalformedUriGuard implements NettyServerCustomizer {

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "alphaquantUriGuard", new Handler());
            }
        });
    }

    static final class Handler extends ChannelInboundHandlerAdapter {

        private boolean rejecting;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                Rejection rejection = rejection(request);
                rejecting = rejection != null;
                if (rejecting) {
                    ReferenceCountUtil.release(msg);
                    reject(ctx, rejection);
                    return;
                }
            }
            if (rejecting) { // the body of a rejected request
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private record Rejection(HttpResponseStatus status, String detail) {}

        /** Why Netty's decoder or Spring would refuse the request, or null when neither would. */
        private static Rejection rejection(HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                if (cause instanceof TooLongHttpLineException) {
                    return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than the gateway accepts");
                }
                if (cause instanceof TooLongHttpHeaderException) {
                    return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than the gateway accepts");
                }
                return new Rejection(HttpResponseStatus.BAD_REQUEST, "The request is not well-formed HTTP");
            }
            try {
                new URI(request.uri());
                return null;
            } catch (URISyntaxException e) {
                return new Rejection(HttpResponseStatus.BAD_REQUEST,
                        "The request target is not a valid URI (a bad percent-escape or an unescaped character)");
            }
        }

        private static void reject(ChannelHandlerContext ctx, Rejection rejection) {
            String body = "{\"type\":\"about:blank\",\"title\":\"" + rejection.status().reasonPhrase() + "\",\"status\":"
                    + rejection.status().code() + ",\"detail\":\"" + rejection.detail() + "\"}";
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status(),
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
