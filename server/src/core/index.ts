// The public face of the core for the language server and the CLI.

export * from './model';
export { analyze, analyzeScope, compareFindings } from './analyze';
export type { AnalysisInput, AnalysisResult, ScopeAnalysis, ScopeInputs } from './analyze';
export { readManifestFile } from './manifest/file';
export type { ManifestFile } from './manifest/file';
export { parseConfigFile, CONFIG_FILE_NAME } from './plan/config';
export type { ConfigFile, SettingsInput, ClusterConfig, NamedNetwork } from './plan/config';
export { importTargets, matchesTarget } from './plan/imports';
export type { ImportTarget } from './plan/imports';
export type { ImportFile } from './plan/importEntries';
export { readIpamExport, detectFormat, IPAM_FORMATS } from './ipam';
export type { ImportReading, ImportedNetwork, IpamFormat } from './ipam';
export type { AddressPlan, RangeFact } from './plan/plan';
export type { Scope } from './plan/scopes';
export { capacityOf, knownNodes, KCM_DEFAULT_NODE_MASK, KUBELET_DEFAULT_MAX_PODS, CALICO_DEFAULT_BLOCK_SIZE } from './plan/capacity';
export type { CapacityModel, FactCapacity, Figure, Origin, NodeSubnetCapacity, NodeSubnetAllocator, CalicoPoolCapacity, ServiceCapacity, LbPoolCapacity, NodeCounts, Utilization } from './plan/capacity';
export { planRows } from './plan/planRows';
export { exportRows, EXPORT_ROLE_NAMES } from './plan/exportRows';
export type { ExportRow } from './plan/exportRows';
export type { PlanRows, RangeRow, SettingRow, NetworkRow } from './plan/planRows';
export { suggestSubnets } from './plan/suggestSubnets';
export type { SubnetRequest, SuggestedSubnet } from './plan/suggestSubnets';
export { rules } from './rules';
export { RULE_IDS } from './model';
export { formatCount } from './text/format';
export { lineIndexOf, positionAt } from './text/lineIndex';
export type { LineIndex } from './text/lineIndex';

// Editor features, as plain data with offsets (the language server turns them into LSP).
export { buildScopeIndex } from './features/scopeIndex';
export type { ScopeIndex, PlacedRange, Relations, SourceLocation } from './features/scopeIndex';
export { hoverAt } from './features/hover';
export type { HoverRequest } from './features/hover';
export type { HoverCard, CardLine } from './features/card';
export { inlayHintsIn } from './features/inlayHints';
export type { InlayHint } from './features/inlayHints';
export { freeSubnetsAt } from './features/freeSubnet';
export type { FreeSubnetRequest, FreeSubnetAnswer } from './features/freeSubnet';
export { fixAllEdits } from './features/codeActions';

// The address map behind `CIDR Lens: Show Address Plan`, the Address Plan tree and `plan --format svg`.
export { buildAddressMap } from './features/addressMap';
export type { AddressMap, MapItem } from './features/addressMap';
export { defaultPanels, fitWindow, panWindow, windowLabel, zoomWindow } from './features/addressMapView';
export type { MapPanel } from './features/addressMapView';
export { renderAddressMapSvg } from './features/addressMapSvg';
export type { DrawableCluster, DrawableItem } from './features/addressMapSvg';
