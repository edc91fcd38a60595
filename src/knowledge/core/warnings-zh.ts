/*
 * The words of the warnings about the capture file, the decoding of its frames and TCP
 * reassembly, in Simplified Chinese: the same ids and placeholders as warnings-en.ts.
 */
import type { CoreWarningId } from './warnings-en.js';

export const coreWarningsZh = {
  'core.streamPrefix': 'TCP 流 {stream}：{text}',

  'capture.cutOff': '文件在第 {next} 帧内部被截断（该帧 {length} 字节中只有 {present} 字节）；读取到第 {last} 帧为止',
  'capture.cutOffBlock': '文件在一个块内部被截断（{length} 字节中只有 {present} 字节）；读取到第 {last} 帧为止',
  'capture.cutOffRecordHeader': '文件在第 {next} 帧的记录头内部结束（16 字节中只有 {present} 字节）；读取到第 {last} 帧为止',
  'capture.cutOffBlockHeader': '文件在一个块头内部结束（只剩 {present} 字节）；读取到第 {last} 帧为止',
  'capture.recordTooLong': '第 {next} 帧的记录声称捕获了 {length} 字节，超过上限 {max}：文件从这里起已损坏；读取到第 {last} 帧为止',
  'capture.byteOrder': '第 {section} 个节头的字节序标记 {magic} 无法识别；读取到第 {last} 帧为止',
  'capture.blockLength': '第 {last} 帧之后的一个块长度为 {length} 字节，这不可能：文件从这里起已损坏；读取到第 {last} 帧为止',
  'capture.blockTooShort': '第 {last} 帧之后类型为 {type} 的块只有 {length} 字节，少于其字段所需的 {shortest} 字节：文件从这里起已损坏；读取到第 {last} 帧为止',
  'capture.blockLengths': '第 {last} 帧之后的一个块首尾记录的长度不一致：文件从这里起已损坏；读取到第 {last} 帧为止',
  'capture.unknownInterface': '第 {next} 帧引用了接口 {interface}，但没有任何接口描述块声明过它；读取到第 {last} 帧为止',
  'capture.frameTooLong': '第 {next} 帧声称捕获了 {length} 字节，超出其所在块的容量：文件从这里起已损坏；读取到第 {last} 帧为止',
  'capture.secretsBlock': '第 {last} 帧之后的解密密钥块格式错误（密钥超出了块的范围），已忽略',
  'capture.compressedCutOff': '{compression} 压缩数据在压缩流结束之前就结束了（文件被截断）；读取到此为止',
  'capture.compressedDamaged': '{compression} 压缩数据在 {bytes} 个压缩字节之后损坏；读取到此为止',
  'capture.compressedCheck': '{compression} 压缩数据被截断或已损坏：解压结果与其末尾的校验和及长度不符',

  'decode.linkType': '链路类型为 {linkType} 的帧没有解码（labreport 能读取以太网、Linux cooked SLL/SLL2、原始 IP 和 BSD 环回）',
  'decode.tcpHeader': 'TCP 首部损坏或被截断，跳过此帧',
  'decode.fragments': '有 {count} 个分片的 IP 数据报始终没有收齐（抓包中缺少分片）',

  'tcp.gap':
    '从 {from} 到 {to} 的 {bytes} 字节未被捕获，位于{before, select, 0 {第 {after} 帧之前} other {第 {before} 帧与第 {after} 帧之间}}（{why, select, snaplen {第 {after} 帧被抓包的快照长度截短} other {前一个报文段未被捕获}}）',
  'tcp.evicted': '同时打开的 TCP 连接超过 {max} 个（{limit}）：最早的 {count} 个被提前关闭并遗忘，它们迟到的报文会被当作新连接',

  'note.captureDamage': '文件损坏',
  'note.gapRow': '[此帧之前有 {bytes} 字节未被捕获：{why, select, snaplen {此帧被快照长度截短} other {前一个报文段未被捕获}}]',
  'note.holeHeader': '首部字段中有 {bytes} 字节未被捕获（第 {frame} 帧之前）：To:、Subject: 等字段可能缺失',
  'note.holePart': 'MIME 部分 {part} 中有 {bytes} 字节未被捕获（第 {frame} 帧之前）',
  'note.holeBody': '正文中有 {bytes} 字节未被捕获（第 {frame} 帧之前）',
  'note.fieldLost': '未被捕获：首部有缺口',
  'note.hashCaptured': '已捕获字节的 SHA-256（有字节缺失）',
} satisfies Record<CoreWarningId, string>;
