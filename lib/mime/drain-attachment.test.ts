import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { drainAttachment } from "@/lib/mime/drain-attachment";

const PNG_HEAD = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const never = new AbortController().signal;

describe("drainAttachment", () => {
  it("counts the size and keeps a safe image that fits", async () => {
    const image = Buffer.concat([PNG_HEAD, Buffer.alloc(100)]);
    const result = await drainAttachment(Readable.from([image.subarray(0, 5), image.subarray(5)]), 1000, never);
    expect(result).toEqual({ size: 116, image: { contentType: "image/png", data: image }, imageTooLarge: false, content: null, failed: false, sniffedType: "image/png" });
  });

  it("keeps nothing for non-images, images over the limit, or when not asked", async () => {
    const pdf = Buffer.from("%PDF-1.4 and more bytes");
    expect((await drainAttachment(Readable.from([pdf]), 1000, never)).image).toBeNull();
    const big = await drainAttachment(Readable.from([PNG_HEAD, Buffer.alloc(2000)]), 1000, never);
    expect(big).toMatchObject({ size: 2016, image: null, imageTooLarge: true });
    expect(await drainAttachment(Readable.from([PNG_HEAD]), 0, never)).toMatchObject({ size: 16, image: null, imageTooLarge: false });
  });

  it("settles as failed, without an image, when the stream errors or is abandoned", async () => {
    const erroring = new PassThrough();
    const errored = drainAttachment(erroring, 1000, never);
    erroring.write(PNG_HEAD);
    erroring.destroy(new Error("cut"));
    expect(await errored).toEqual({ size: 16, image: null, imageTooLarge: false, content: null, failed: true, sniffedType: null });

    const stuck = new PassThrough();
    const abandon = new AbortController();
    const abandoned = drainAttachment(stuck, 1000, abandon.signal);
    stuck.write(PNG_HEAD);
    await new Promise((resolve) => setImmediate(resolve));
    abandon.abort();
    expect(await abandoned).toEqual({ size: 16, image: null, imageTooLarge: false, content: null, failed: true, sniffedType: null });
  });

  it("keeps any content up to keepBytes when asked, and nothing past it", async () => {
    const ics = Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect((await drainAttachment(Readable.from([ics.subarray(0, 9), ics.subarray(9)]), 0, never, 100)).content).toEqual(ics);
    expect(await drainAttachment(Readable.from([ics]), 0, never, 10)).toMatchObject({ size: ics.length, content: null });
  });

  it("says what raster type any attachment's bytes are, even one it keeps nothing of", async () => {
    const png = await drainAttachment(Readable.from([PNG_HEAD.subarray(0, 3), PNG_HEAD.subarray(3), Buffer.alloc(10)]), 0, never);
    expect(png.sniffedType).toBe("image/png");
    expect(png.image).toBeNull();
    const html = await drainAttachment(Readable.from([Buffer.from("<html><img src=x onerror=alert(1)>")]), 0, never);
    expect(html.sniffedType).toBeNull();
  });
});
