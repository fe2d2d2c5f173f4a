import { z } from 'zod';
import { Kind, Mapping, Target } from '../datasets/targets';

/** Largest file the renderer may hand over (base64 of a 100 MB sheet). */
export const MAX_UPLOAD_BASE64 = 140_000_000;

/** An opaque id main hands out (a file, a job, a connection). */
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
/** The dataset a request is about. */
export const Dataset = { target: Target, kind: Kind };

/** An ISO 3166 country code: the default country of phone numbers written without +. */
export const CountryCode = z.string().length(2);

/**
 * An open file and how it is checked, as import:validate takes it: every channel that
 * checks, plans or saves the file with the admin's mapping sends the same.
 */
export const FileCheck = {
  ...Dataset,
  fileId: Id,
  mapping: Mapping,
  country: CountryCode.optional(),
};

/** Most rows or problems one page may hold. */
export const MAX_PAGE = 1000;
/** A page of a long list: `limit` items from `offset`. */
export const PageArgs = {
  offset: z.number().int().nonnegative().max(100_000_000),
  limit: z.number().int().min(1).max(MAX_PAGE),
};

/** A run folder's id. */
export const RunId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_-]+$/);
