/** Types of hooks.mjs (plain JavaScript: module hooks run in the loader's own thread). */
export declare const SHARED_SUPPORT: Set<string>;
