/** A thread as the panel receives it from the comments API (dates arrive as strings). */
export type PanelComment = {
  id: string;
  body: string;
  createdAt: string | Date;
  editedAt: string | Date | null;
  deletedAt: string | Date | null;
  mine: boolean;
  author: { id: string; name: string };
  /** Hidden by the owning ministry's moderator: the text is "" for everyone but its staff. */
  hiddenAt?: string | Date | null;
  hiddenReason?: string | null;
  hiddenNote?: string | null;
};

export type PanelThread = {
  id: string;
  articleId: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string | null;
  /** The suggestion this thread discusses (it stays when the suggestion is decided). */
  suggestionId?: string | null;
  visibility: "INTERNAL" | "WORKING_GROUP";
  status: "OPEN" | "RESOLVED";
  authorId: string;
  organizationId: string | null;
  organization: {
    id: string;
    nameHy: string | null;
    nameRu: string | null;
    nameKa: string | null;
    nameEn: string | null;
  } | null;
  canResolve: boolean;
  /** The owning ministry's staff: hide or show again (others may flag). */
  canModerate?: boolean;
  comments: PanelComment[];
};

/** Whether the thread's passage still resolves in the live text ("gone": its words were removed). */
export type AnchorState = "passage" | "gone" | "article";
